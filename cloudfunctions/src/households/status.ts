import {
  ratingToStatus,
  type CityRules,
  type Language,
  type Rating,
  type ResidentStatus,
} from '@healthcode/shared'
import { appealNotes, withNotes } from '../appeals/notes'
import type { AppealRepository } from '../appeals/repository'
import { rateAt } from '../rating/service'
import type { Resident } from '../storage/residents'

export type StatusDependencies = {
  rules: CityRules
  appeals: Pick<AppealRepository, 'listByResident'>
}

/**
 * Returns a resident's status at `now` as the resident's own status route
 * does, with a note per decided appeal that still matters.
 */
export async function statusOf(
  deps: StatusDependencies,
  resident: Resident,
  language: Language,
  now: Date,
): Promise<ResidentStatus> {
  const rating = rateAt(deps.rules, resident, now)
  return statusWithNotes(deps, resident.residentId, rating, language, now)
}

export async function statusWithNotes(
  deps: StatusDependencies,
  residentId: string,
  rating: Rating | null,
  language: Language,
  now: Date,
): Promise<ResidentStatus> {
  if (rating === null) return { rated: false }
  const appeals = await deps.appeals.listByResident(residentId)
  const notes = appealNotes(appeals, deps.rules.timeZone, language, now)
  return withNotes(ratingToStatus(rating, language, now), notes)
}
