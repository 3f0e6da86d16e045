import type { CityRules } from '@healthcode/shared'
import type { AppealRepository } from '../appeals/repository'
import type { TokenKeys } from '../config/keys'
import type { AppLogger } from '../http/handler'
import type { RatingRepository } from '../rating/repository'
import type { AccountStore } from '../storage/accounts'
import type { PiiProtector } from '../storage/pii'
import type { HouseholdRepository } from './repository'

// Everything the household routes need, passed in so tests can build them
// over their own tables and clock.
export type HouseholdDependencies = {
  rules: CityRules
  households: HouseholdRepository
  accounts: AccountStore
  pii: PiiProtector
  // Stores the declarations a guardian makes for a dependent.
  ratings: RatingRepository
  // Reads appeals for the notes of a status.
  appeals: Pick<AppealRepository, 'listByResident'>
  keys: TokenKeys
  logger: AppLogger
}

// Maximum members of one household. It keeps the transaction that merges
// two households within DynamoDB's limit of 100 items, at three items per
// moving member.
export const MAX_HOUSEHOLD_MEMBERS = 20

// Read-and-write attempts before a change gives up on concurrent changes
// of the same household or resident.
export const MAX_ATTEMPTS = 5
