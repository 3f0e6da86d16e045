import {
  checkTemperature,
  identityKey,
  parseDocument,
  type Language,
  type ManualCheckinRequest,
  type ProblemCode,
  type VerifyResponse,
} from '@healthcode/shared'
import { randomId } from '../auth/session'
import { recordCheckin } from '../checkins/record'
import type { FieldError } from '../http/types'
import {
  conclude,
  findGuardedVenue,
  judgeResident,
  policyOf,
  residentById,
  type CheckpointDependencies,
  type Outcome,
} from './outcome'

export type ManualResult =
  | { kind: 'ok'; response: VerifyResponse }
  | { kind: 'not_found' }
  | { kind: 'temperature_required' }
  | { kind: 'document_invalid'; code: ProblemCode; errors: FieldError[] }

/**
 * Checks in a person without a phone by their document, at a venue the
 * guard guards. The document is normalized as at registration and found
 * by the keyed hash of its identity key. An unknown document is the
 * verdict NOT_REGISTERED. Each lookup of a registered person is audited
 * with the guard's id.
 */
export async function manualCheckin(
  deps: CheckpointDependencies,
  input: {
    accountId: string
    request: ManualCheckinRequest
    language: Language
    now: Date
  },
): Promise<ManualResult> {
  const { request, now } = input
  const venue = await findGuardedVenue(deps, input.accountId, request.venueId)
  if (venue === null) return { kind: 'not_found' }
  const policy = policyOf(deps, venue)
  const temperature = checkTemperature(request.temperature, policy)
  if (temperature.kind === 'missing') return { kind: 'temperature_required' }
  const document = parseDocument(request.document, now)
  if (document.kind === 'invalid') {
    return {
      kind: 'document_invalid',
      code: document.code,
      errors: [{ field: document.field, code: document.code }],
    }
  }

  const identityHash = deps.pii.hash('identity', identityKey(document.document))
  const resident = await residentById(
    deps,
    await deps.checkpoint.findResidentIdByIdentity(identityHash),
  )
  let outcome: Outcome = { code: 'NOT_REGISTERED' }
  let checkinId: string | undefined
  if (resident !== null) {
    outcome = judgeResident(deps, {
      resident,
      policy,
      fever: temperature.kind === 'fever',
      at: now,
    })
    if (outcome.code === 'ALLOW') {
      const recorded = await recordCheckin(deps, {
        residentId: resident.residentId,
        venue,
        at: now,
        now,
        source: 'manual',
        guardAccountId: input.accountId,
      })
      checkinId = recorded.checkin.checkinId
    }
    await deps.checkpoint.putAudit({
      residentId: resident.residentId,
      eventId: `${now.toISOString()}#${randomId()}`,
      kind: 'manual_checkin',
      at: now.toISOString(),
      actor: { accountId: input.accountId, role: 'guard' },
      venueId: venue.venueId,
      code: outcome.code,
      checkinId,
    })
  }
  const response = await conclude(deps, {
    venue,
    guardAccountId: input.accountId,
    source: 'manual',
    outcome,
    temperature: request.temperature,
    at: now,
    now,
    language: input.language,
  })
  return { kind: 'ok', response }
}
