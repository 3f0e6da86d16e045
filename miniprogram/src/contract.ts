// The parts of @healthcode/shared the app uses. Importing module by module
// keeps the token signing code (@noble/curves) and the city rule files,
// which only the backend needs, out of the mini-program bundle.
export {
  CityInfo,
  CodeResponse,
  Color,
  DocumentType,
  Language,
  OtpRequest,
  OtpResponse,
  QuestionnaireRequest,
  QuestionnaireView,
  RegistrationRequest,
  ResidentProfile,
  ResidentStatus,
  TokenRequest,
  TokenResponse,
} from '@healthcode/shared/api/schemas'
export type {
  Answer,
  QuestionView,
  StatusReason,
} from '@healthcode/shared/api/schemas'
export {
  FieldProblem,
  Problem,
  ProblemCode,
} from '@healthcode/shared/api/problems'
export { fieldText, problemText } from '@healthcode/shared/i18n/index'
export {
  parseDocument,
  parseName,
  parsePhone,
} from '@healthcode/shared/documents/index'
export { NONE_OPTION } from '@healthcode/shared/cities/cityRules'
