export { HouseholdRules } from '../cities/cityRules'
export {
  coResidentReason,
  householdReasons,
  type CoResidentFact,
  type HouseholdFact,
} from './coResidents'
export { canAddDependent, type DependentCheck } from './dependents'
