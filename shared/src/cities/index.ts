export {
  BooleanQuestion,
  CheckinRules,
  CheckpointRules,
  CityRules,
  LocalizedText,
  MultipleQuestion,
  NONE_OPTION,
  Question,
  QuestionOption,
  Registration,
  Risk,
  RiskColor,
  SingleQuestion,
} from './cityRules'
export { checkEligibility, type Eligibility } from './eligibility'
export { cityIds, loadCityRules, parseCityRules } from './loadCityRules'
