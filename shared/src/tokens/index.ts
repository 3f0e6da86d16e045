export {
  CodeClaims,
  SessionClaims,
  TokenHeader,
  TokenType,
} from './claims'
export {
  signToken,
  verifyCodeToken,
  verifySessionToken,
  verifyToken,
  type VerificationKey,
  type VerifyOptions,
  type VerifyResult,
} from './jws'
export { generateKeyPair, publicKeyOf, type KeyPair } from './keys'
