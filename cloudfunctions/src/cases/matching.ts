import { createHash } from 'node:crypto'
import {
  addCityDays,
  cityDate,
  exposureFact,
  infectiousFrom,
  matchExposures,
  startOfCityDay,
  windowsFromCase,
  type CaseInfo,
  type CityRules,
  type Exposure,
  type RiskWindow,
  type Visit,
} from '@healthcode/shared'
import type { Actor } from '../audit/records'
import { mapLimited } from '../facts/batch'
import type { FactRecord } from '../facts/records'
import type { FactStore } from '../facts/service'
import type { HouseholdCases } from '../households/coResidents'
import type { AppLogger } from '../http/handler'
import { epochSeconds } from '../storage/dynamo'
import { cityDayStart } from './dates'
import type { MatchRequest } from './invoker'
import type { CaseRepository, MatchTarget } from './repository'
import type { CheckinVisit, VisitRepository } from './visits'

const MINUTE_MS = 60_000
// Contacts whose facts are appended at the same time. Each append is a
// read and a conditional write of one resident item.
const APPEND_CONCURRENCY = 8

// Matching acts for no operator. The audit records of the color changes
// it causes name this actor, and their fact ids lead to the case or window.
export const MATCHER_ACTOR: Actor = { accountId: 'matcher', role: 'system' }

export type MatchingDependencies = {
  rules: CityRules
  cases: CaseRepository
  visits: VisitRepository
  facts: FactStore
  logger: AppLogger
  // Household wiring (cloudfunctions/src/households): gives the other
  // members of a case's household the city's coResidentsOfCase color.
  householdCases?: HouseholdCases
}

export type MatchSummary = {
  windows: number
  // Check-ins read from the venues' day partitions.
  visitsRead: number
  exposures: number
  contacts: number
  // Exposure facts stored by this run. A retry stores none.
  added: number
}

export type MatchResult =
  | ({ kind: 'matched' } & MatchSummary)
  | { kind: 'not_found' }

/**
 * Finds the contacts of a case or of a risky venue window and appends an
 * exposure fact to each. Safe to run again: every fact id is derived from
 * the case or window, the contact and the check-in, so a retry appends
 * nothing new.
 */
export async function runMatch(
  deps: MatchingDependencies,
  request: MatchRequest,
  now: Date,
): Promise<MatchResult> {
  const found = await windowsOf(deps, request, now)
  if (found === null) return { kind: 'not_found' }
  const summary = await exposeVisitors(deps, found, now)
  // Household wiring: co-residents of the case, idempotent per city day.
  if (found.excludedResident !== null && deps.householdCases !== undefined) {
    await deps.householdCases.applyHouseholdCase(found.excludedResident, now)
  }
  await deps.cases.markMatched(found.target, {
    matchedAt: now.toISOString(),
    exposureCount: summary.exposures,
  })
  deps.logger.info('Matching done', {
    [request.kind === 'case' ? 'caseId' : 'riskId']: found.target.id,
    ...summary,
  })
  return { kind: 'matched', ...summary }
}

type Found = {
  target: MatchTarget
  windows: RiskWindow[]
  // The case's own resident, whose check-ins are never contacts.
  excludedResident: string | null
}

async function windowsOf(
  deps: MatchingDependencies,
  request: MatchRequest,
  now: Date,
): Promise<Found | null> {
  switch (request.kind) {
    case 'case':
      return caseWindows(deps, request.caseId, now)
    case 'venue': {
      const risk = await deps.cases.getRiskWindow(request.riskId)
      if (risk === null) return null
      const window: RiskWindow = {
        venueId: risk.venueId,
        start: new Date(risk.start),
        end: new Date(risk.end),
        level: risk.level,
        source: { kind: 'venue', riskRef: risk.riskId },
      }
      return {
        target: { kind: 'venue', id: risk.riskId },
        windows: [window],
        excludedResident: null,
      }
    }
  }
}

// The case's check-ins come from the `byResident` index, from the start of
// the infectious period (less one default stay, for a visit that began
// before it and lasted into it) until now.
async function caseWindows(
  deps: MatchingDependencies,
  caseId: string,
  now: Date,
): Promise<Found | null> {
  const reported = await deps.cases.getCase(caseId)
  if (reported === null) return null
  const { rules } = deps
  const firstDay =
    reported.sampleDate !== undefined && reported.sampleDate < reported.onset
      ? reported.sampleDate
      : reported.onset
  const caseInfo: CaseInfo = {
    kind: reported.kind,
    onset: cityDayStart(firstDay, rules.timeZone),
    caseRef: reported.caseId,
    residentRef: reported.residentId,
  }
  const from = new Date(
    infectiousFrom(caseInfo.onset, rules).getTime() - stayMs(rules),
  )
  const own = await deps.visits.ofResident(
    reported.residentId,
    { from, to: now },
    epochSeconds(now),
  )
  const visits: Visit[] = own.map((checkin) => ({
    residentRef: reported.residentId,
    venueId: checkin.venueId,
    start: new Date(checkin.at),
    end: null,
  }))
  return {
    target: { kind: 'case', id: caseId },
    windows: windowsFromCase(visits, caseInfo, rules, now),
    excludedResident: reported.residentId,
  }
}

async function exposeVisitors(
  deps: MatchingDependencies,
  found: Found,
  now: Date,
): Promise<MatchSummary> {
  const checkins = await visitorsOf(deps, found.windows, now)

  const candidates = checkins.filter(
    (checkin) => checkin.residentId !== found.excludedResident,
  )
  const byCheckin = new Map(
    candidates.map((checkin) => [checkin.checkinId, checkin]),
  )
  // Each visit is named by its check-in, so every exposure leads back to
  // the check-in behind it. That is why the case's own check-ins are
  // removed above rather than by matchExposures.
  const visits: Visit[] = candidates.map((checkin) => ({
    residentRef: checkin.checkinId,
    venueId: checkin.venueId,
    start: new Date(checkin.at),
    end: null,
  }))

  const exposures = maxSeverityPerCheckin(
    matchExposures(found.windows, visits, deps.rules),
  )
  const factsByContact = groupByContact(found.target, exposures, byCheckin, now)

  const appended = await mapLimited(
    [...factsByContact],
    APPEND_CONCURRENCY,
    ([contact, facts]) =>
      deps.facts.appendFacts(contact, facts, MATCHER_ACTOR, now),
  )
  let added = 0
  for (const result of appended) {
    if (result.kind === 'appended') added += result.added.length
  }
  return {
    windows: found.windows.length,
    visitsRead: checkins.length,
    exposures: exposures.length,
    contacts: factsByContact.size,
    added,
  }
}

// Turns exposures into facts, grouped by contact resident.
function groupByContact(
  target: MatchTarget,
  exposures: readonly Exposure[],
  byCheckin: ReadonlyMap<string, CheckinVisit>,
  now: Date,
): Map<string, FactRecord[]> {
  const factsByContact = new Map<string, FactRecord[]>()
  for (const exposure of exposures) {
    const checkin = byCheckin.get(exposure.residentRef)
    if (checkin === undefined) {
      throw new Error(`Exposure of unknown check-in ${exposure.residentRef}`)
    }
    const facts = factsByContact.get(checkin.residentId) ?? []
    facts.push(exposureRecord(target, checkin, exposure, now))
    factsByContact.set(checkin.residentId, facts)
  }
  return factsByContact
}

// Reads the check-ins that can overlap the windows: for each window, the
// venue's partitions of every city date from one default stay before the
// window's start to its end, narrowed to check-ins in that time range.
// The cost grows with the visitors of the windows' venues, not with all
// check-ins.
async function visitorsOf(
  deps: MatchingDependencies,
  windows: readonly RiskWindow[],
  now: Date,
): Promise<CheckinVisit[]> {
  const { rules } = deps
  const nowSeconds = epochSeconds(now)
  const queries = windows.flatMap((window) => {
    const range = {
      from: new Date(window.start.getTime() - stayMs(rules)),
      to: window.end,
    }
    return datesOf(range, rules.timeZone).map((date) => ({
      venueId: window.venueId,
      date,
      range,
    }))
  })
  const results = await mapLimited(queries, APPEND_CONCURRENCY, (query) => {
    const { venueId, date, range } = query
    return deps.visits.atVenueOnDay(venueId, date, range, nowSeconds)
  })
  const unique = new Map<string, CheckinVisit>()
  for (const checkin of results.flat()) unique.set(checkin.checkinId, checkin)
  return [...unique.values()]
}

// City dates from the one of `from` to the one just before `to`.
function datesOf(range: { from: Date; to: Date }, timeZone: string): string[] {
  const dates: string[] = []
  let day = startOfCityDay(range.from, timeZone)
  while (day.getTime() < range.to.getTime()) {
    dates.push(cityDate(day, timeZone))
    day = addCityDays(day, 1, timeZone)
  }
  return dates
}

// A visit can overlap two windows of one venue. It then keeps the more
// severe exposure, then the longer one, so one check-in is one fact.
function maxSeverityPerCheckin(exposures: readonly Exposure[]): Exposure[] {
  const best = new Map<string, Exposure>()
  for (const exposure of exposures) {
    const current = best.get(exposure.residentRef)
    if (current === undefined || worse(current, exposure)) {
      best.set(exposure.residentRef, exposure)
    }
  }
  return [...best.values()]
}

function worse(current: Exposure, candidate: Exposure): boolean {
  if (current.color !== candidate.color) return candidate.color === 'red'
  return candidate.overlapMinutes > current.overlapMinutes
}

function exposureRecord(
  target: MatchTarget,
  checkin: CheckinVisit,
  exposure: Exposure,
  now: Date,
): FactRecord {
  return {
    kind: 'exposure',
    id: exposureFactId(target, checkin.residentId, checkin.checkinId),
    ref: target.id,
    fact: exposureFact(exposure, checkin.venueName, now),
  }
}

/**
 * Returns the id of the exposure of a contact's check-in to a case or
 * window: a hash, so the id reveals neither the contact nor the check-in.
 */
export function exposureFactId(
  target: MatchTarget,
  contactResidentId: string,
  checkinId: string,
): string {
  const digest = createHash('sha256')
    .update(
      ['exposure', target.kind, target.id, contactResidentId, checkinId].join(
        '\u0000',
      ),
    )
    .digest('base64url')
  return `exposure:${digest.slice(0, 22)}`
}

function stayMs(rules: CityRules): number {
  return rules.checkin.defaultStayMinutes * MINUTE_MS
}
