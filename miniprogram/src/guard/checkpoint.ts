// The offline verdict, shared with the server. It verifies Ed25519
// signatures with @noble/curves, so only the guard subpackage imports it,
// and residents never download that code.
export {
  checkTemperature,
  checkToken,
  verdictOf,
} from '@healthcode/shared/checkpoint/index'
