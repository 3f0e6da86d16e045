// The parts of @healthcode/shared the app uses. Importing module by module
// keeps the city rule files, which only the backend needs, out of the
// bundle. The token code (@noble/curves) stays out of the main package,
// because only the guard subpackage imports it, in guard/checkpoint.ts.
export {
  CityInfo,
  CodeResponse,
  Color,
  DocumentType,
  Language,
  OtpRequest,
  OtpResponse,
  PublicKeys,
  QuestionnaireRequest,
  QuestionnaireView,
  RegistrationRequest,
  ResidentProfile,
  ResidentStatus,
  Role,
  TokenRequest,
  TokenResponse,
} from '@healthcode/shared/api/schemas'
export type {
  Answer,
  DocumentInput,
  QuestionView,
  StatusReason,
} from '@healthcode/shared/api/schemas'
export {
  FieldProblem,
  Problem,
  ProblemCode,
} from '@healthcode/shared/api/problems'
export {
  BusinessRequest,
  BusinessResponse,
  GuardResponse,
  MAX_STATS_DAYS,
  PosterFormat,
  Venue,
  VenueList,
  VenuePolicy,
  VenueRequest,
  VenueStats,
  VenueType,
} from '@healthcode/shared/api/venues'
export type {
  Coordinates,
  DayStats,
  GuardPolicy,
  GuardRequest,
  StatsQuery,
} from '@healthcode/shared/api/venues'
export {
  CheckinFlag,
  CheckinHistory,
  CheckinRequest,
  CheckinResponse,
  CheckinView,
  IDEMPOTENCY_KEY_HEADER,
  Pass,
} from '@healthcode/shared/api/checkins'
export {
  ManualCheckinRequest,
  MAX_REDEMPTIONS_PER_REQUEST,
  RedemptionItem,
  RedemptionsResponse,
  Temperature,
  VerdictCode,
  VerifyResponse,
} from '@healthcode/shared/api/checkpoint'
export type {
  RedemptionResult,
  RedemptionsRequest,
  Verdict,
  VerifyRequest,
} from '@healthcode/shared/api/checkpoint'
export {
  fieldText,
  problemText,
  verdictText,
} from '@healthcode/shared/i18n/index'
export {
  parseDocument,
  parseName,
  parsePhone,
} from '@healthcode/shared/documents/index'
export { parseCreditCode } from '@healthcode/shared/businesses/index'
export { NONE_OPTION } from '@healthcode/shared/cities/cityRules'
