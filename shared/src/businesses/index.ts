export {
  creditCodeCheckCharacter,
  parseCreditCode,
  type CreditCodeResult,
} from './creditCode'
