// The parts of @healthcode/shared only the resident subpackage uses:
// appeals, dependents and households. Importing them here rather than in
// src/contract.ts keeps their schemas out of the main package.
export {
  AppealDecisionRequest,
  AppealList,
  AppealRequest,
  AppealStatus,
  AppealView,
  MAX_APPEAL_MESSAGE_LENGTH,
  MAX_DECISION_REASON_LENGTH,
  OperatorAppealList,
  OperatorAppealView,
} from '@healthcode/shared/api/appeals'
export type { AppealsQuery } from '@healthcode/shared/api/appeals'
export {
  DependentLinkRequest,
  DependentList,
  DependentRequest,
  DependentView,
  HouseholdInvitation,
  HouseholdInviteRequest,
  HouseholdMember,
  HouseholdView,
  Relationship,
} from '@healthcode/shared/api/households'
