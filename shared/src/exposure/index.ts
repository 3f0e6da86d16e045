export { ExposureRules } from '../cities/cityRules'
export { exposureFact, type CaseFact, type ExposureFact } from './facts'
export { colorForOverlap, matchExposures, type Exposure } from './match'
export { cityClock, describePeriod, riskPeriod } from './period'
export { caseReason, exposureReason } from './reasons'
export {
  overlapMinutes,
  visitInterval,
  type Interval,
  type Visit,
} from './visits'
export {
  infectiousFrom,
  windowsFromCase,
  type CaseInfo,
  type CaseKind,
  type RiskSource,
  type RiskWindow,
} from './windows'
