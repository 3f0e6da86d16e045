// The parts of @healthcode/shared only the operator subpackage uses.
// Importing them here rather than in src/contract.ts keeps their schemas
// out of the main package.
export {
  BulkOverrideRequest,
  CaseRequest,
  CaseResponse,
  CityStats,
  FlagList,
  ImportRequest,
  ImportResponse,
  MAX_BULK_OVERRIDE_RESIDENTS,
  MAX_CITY_STATS_DAYS,
  OverrideReasonCode,
  OverrideRequest,
  OverrideRequestList,
  OverrideRequestView,
  OverrideResponse,
  RiskyVenueRequest,
  RiskyVenueResponse,
} from '@healthcode/shared/api/operators'
export type {
  CityStatsQuery,
  FlagView,
  ImportError,
} from '@healthcode/shared/api/operators'
export {
  AppealDecisionRequest,
  MAX_DECISION_REASON_LENGTH,
  OperatorAppealList,
  OperatorAppealView,
} from '@healthcode/shared/api/appeals'
export type { AppealStatus } from '@healthcode/shared/api/appeals'
export { base64urlDecode } from '@healthcode/shared/encoding/base64url'
export { utf8Decode } from '@healthcode/shared/encoding/utf8'
