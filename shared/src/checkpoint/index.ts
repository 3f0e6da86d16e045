export {
  checkToken,
  type CheckTokenOptions,
  type TokenCheck,
  type TokenKind,
  type TokenPolicy,
} from './checkToken'
export {
  checkVenuePolicy,
  defaultVenuePolicy,
  guardPolicyOf,
  type VenuePolicyCheck,
} from './policy'
export {
  checkTemperature,
  type TemperatureCheck,
  type TemperatureRules,
} from './temperature'
export { verdictOf } from './verdict'
