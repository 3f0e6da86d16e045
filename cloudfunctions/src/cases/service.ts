import { createHash } from 'node:crypto'
import {
  cityDate,
  identityKey,
  parseDocument,
  type CityRules,
  type ProblemCode,
} from '@healthcode/shared'
import type {
  CaseRequest,
  CaseResponse,
  RiskyVenueRequest,
  RiskyVenueResponse,
} from '@healthcode/shared/api/operators'
import {
  newEventId,
  subjectKey,
  type Actor,
  type AuditLog,
} from '../audit/records'
import type { FactStore } from '../facts/service'
import type { AppLogger } from '../http/handler'
import type { FieldError } from '../http/types'
import type { AccountStore } from '../storage/accounts'
import type { PiiProtector } from '../storage/pii'
import { getResident } from '../storage/residents'
import type { VenueRepository } from '../venues/repository'
import { cityDayStart } from './dates'
import type { MatchRequest, StartMatching } from './invoker'
import type {
  CaseRepository,
  MatchTarget,
  StoredCase,
  StoredRiskWindow,
} from './repository'

const HOUR_MS = 3_600_000
// Maximum length of a venue's risk window. A longer period would read
// more day partitions than a match should, and the health authority can
// list the days that matter as separate windows.
export const MAX_RISK_WINDOW_HOURS = 14 * 24

export type CaseDependencies = {
  rules: CityRules
  pii: PiiProtector
  accounts: AccountStore
  cases: CaseRepository
  venues: VenueRepository
  facts: FactStore
  audit: AuditLog
  startMatching: StartMatching
  logger: AppLogger
}

export type ReportResult =
  | { kind: 'created' | 'existing'; response: CaseResponse }
  | { kind: 'invalid'; code: ProblemCode; errors: FieldError[] }
  | { kind: 'not_registered' }

export type RiskyVenueResult =
  | { kind: 'created' | 'existing'; response: RiskyVenueResponse }
  | { kind: 'invalid'; errors: FieldError[] }
  | { kind: 'venue_not_found' }

/**
 * Records a case of a registered resident, gives the resident the case's
 * color and starts matching. The case id is derived from the identity,
 * kind and onset, so reporting the same case again returns the stored
 * case and starts matching only if it was not started before.
 */
export async function reportCase(
  deps: CaseDependencies,
  input: { operator: Actor; request: CaseRequest; now: Date },
): Promise<ReportResult> {
  const { request, now, operator } = input
  const document = parseDocument(request.document, now)
  if (document.kind === 'invalid') {
    return {
      kind: 'invalid',
      code: document.code,
      errors: [{ field: document.field, code: document.code }],
    }
  }
  const dateErrors = futureDates(deps.rules, request, now)
  if (dateErrors.length > 0) {
    return { kind: 'invalid', code: 'VALIDATION_FAILED', errors: dateErrors }
  }
  const identityHash = deps.pii.hash(
    'identity',
    identityKey(document.document),
  )
  const residentId = await deps.cases.findResidentId(identityHash)
  if (residentId === null) return { kind: 'not_registered' }

  const put = await deps.cases.putCase(
    newCase(deps.rules, { request, residentId, identityHash, operator, now }),
  )
  const stored = put.item
  await deps.facts.appendFact(
    residentId,
    {
      kind: 'case',
      id: `case:${stored.caseId}`,
      ref: stored.caseId,
      fact: {
        kind: stored.kind,
        onset: cityDayStart(stored.onset, deps.rules.timeZone),
        reportedAt: new Date(stored.reportedAt),
      },
    },
    operator,
    now,
  )
  await deps.audit.put({
    residentId,
    eventId: newEventId(now),
    kind: 'operator_action',
    at: now.toISOString(),
    actor: operator,
    action: 'case_reported',
    target: stored.caseId,
    before: put.kind === 'existing' ? caseSummary(stored) : null,
    after: caseSummary(stored),
  })
  const matching = await startOnce(deps, stored.matching, {
    kind: 'case',
    id: stored.caseId,
  })
  deps.logger.info('Case reported', {
    caseId: stored.caseId,
    residentId,
    repeated: put.kind === 'existing',
  })
  const resident = await getResident(
    deps.accounts.db,
    deps.accounts.tables.residents,
    residentId,
  )
  return {
    kind: put.kind,
    response: caseResponse(stored, resident?.maskedName ?? '', matching),
  }
}

function newCase(
  rules: CityRules,
  input: {
    request: CaseRequest
    residentId: string
    identityHash: string
    operator: Actor
    now: Date
  },
): StoredCase {
  const { request, now } = input
  return {
    caseId: caseIdOf(input.identityHash, request.kind, request.onset),
    residentId: input.residentId,
    kind: request.kind,
    onset: request.onset,
    sampleDate: request.sampleDate,
    note: request.note,
    reportedAt: now.toISOString(),
    reportDay: cityDate(now, rules.timeZone),
    reportedBy: input.operator.accountId,
    matching: 'pending',
  }
}

/**
 * Returns the id of a case: a hash of the keyed identity hash, the kind
 * and the onset. Contacts' facts carry this id, which reveals nobody
 * without the stage's hash key.
 */
export function caseIdOf(
  identityHash: string,
  kind: string,
  onset: string,
): string {
  const digest = createHash('sha256')
    .update(['case', identityHash, kind, onset].join('\u0000'))
    .digest('base64url')
  return digest.slice(0, 22)
}

function futureDates(
  rules: CityRules,
  request: CaseRequest,
  now: Date,
): FieldError[] {
  const today = cityDate(now, rules.timeZone)
  const errors: FieldError[] = []
  if (request.onset > today) errors.push({ field: 'onset', code: 'in_future' })
  if (request.sampleDate !== undefined && request.sampleDate > today) {
    errors.push({ field: 'sampleDate', code: 'in_future' })
  }
  return errors
}

function caseSummary(stored: StoredCase): Record<string, unknown> {
  return {
    kind: stored.kind,
    onset: stored.onset,
    sampleDate: stored.sampleDate ?? null,
  }
}

function caseResponse(
  stored: StoredCase,
  maskedName: string,
  matching: StoredCase['matching'],
): CaseResponse {
  return {
    id: stored.caseId,
    residentId: stored.residentId,
    maskedName,
    kind: stored.kind,
    onset: stored.onset,
    sampleDate: stored.sampleDate,
    note: stored.note,
    reportedAt: stored.reportedAt,
    matching,
  }
}

/**
 * Starts matching unless it was started before. When Lambda does not
 * take the invocation, the record stays pending, so reporting again
 * retries, and the operator sees `pending`.
 */
async function startOnce(
  deps: Pick<CaseDependencies, 'cases' | 'startMatching' | 'logger'>,
  current: StoredCase['matching'],
  target: MatchTarget,
): Promise<StoredCase['matching']> {
  if (current !== 'pending') return current
  const request: MatchRequest =
    target.kind === 'case'
      ? { kind: 'case', caseId: target.id }
      : { kind: 'venue', riskId: target.id }
  try {
    await deps.startMatching(request)
  } catch (error) {
    deps.logger.error('Matching not started', {
      target: target.kind,
      id: target.id,
      errorName: error instanceof Error ? error.name : typeof error,
    })
    return 'pending'
  }
  await deps.cases.markRequested(target)
  return 'requested'
}

/**
 * Lists a venue as risky for a past period and starts matching its
 * visitors. The window id is derived from venue, period and level, so a
 * repeated request returns the stored window.
 */
export async function listRiskyVenue(
  deps: CaseDependencies,
  input: { operator: Actor; request: RiskyVenueRequest; now: Date },
): Promise<RiskyVenueResult> {
  const { request, now, operator } = input
  const errors = windowErrors(request, now)
  if (errors.length > 0) return { kind: 'invalid', errors }
  const venue = await deps.venues.get(request.venueId)
  if (venue === null) return { kind: 'venue_not_found' }

  const start = new Date(request.start).toISOString()
  const end = new Date(request.end).toISOString()
  const put = await deps.cases.putRiskWindow({
    riskId: riskIdOf(venue.venueId, start, end, request.level),
    venueId: venue.venueId,
    venueName: venue.name,
    start,
    end,
    level: request.level,
    note: request.note,
    createdAt: now.toISOString(),
    createdBy: operator.accountId,
    matching: 'pending',
  })
  const stored = put.item

  await deps.audit.put({
    residentId: subjectKey('venue', venue.venueId),
    eventId: newEventId(now),
    kind: 'operator_action',
    at: now.toISOString(),
    actor: operator,
    action: 'risk_window_listed',
    target: stored.riskId,
    before: put.kind === 'existing' ? windowSummary(stored) : null,
    after: windowSummary(stored),
  })
  const matching = await startOnce(deps, stored.matching, {
    kind: 'venue',
    id: stored.riskId,
  })

  return {
    kind: put.kind,
    response: {
      id: stored.riskId,
      venueId: stored.venueId,
      venueName: stored.venueName,
      start: stored.start,
      end: stored.end,
      level: stored.level,
      note: stored.note,
      createdAt: stored.createdAt,
      matching,
    },
  }
}

// Matching reads the check-ins that exist, so a window must have ended.
function windowErrors(request: RiskyVenueRequest, now: Date): FieldError[] {
  const start = Date.parse(request.start)
  const end = Date.parse(request.end)
  if (end <= start) return [{ field: 'end', code: 'too_small' }]
  if (end - start > MAX_RISK_WINDOW_HOURS * HOUR_MS) {
    return [{ field: 'end', code: 'too_big' }]
  }
  if (end > now.getTime()) return [{ field: 'end', code: 'in_future' }]
  return []
}

function riskIdOf(
  venueId: string,
  start: string,
  end: string,
  level: string,
): string {
  const digest = createHash('sha256')
    .update(['risk', venueId, start, end, level].join('\u0000'))
    .digest('base64url')
  return digest.slice(0, 22)
}

function windowSummary(stored: StoredRiskWindow): Record<string, unknown> {
  return {
    venueId: stored.venueId,
    start: stored.start,
    end: stored.end,
    level: stored.level,
  }
}
