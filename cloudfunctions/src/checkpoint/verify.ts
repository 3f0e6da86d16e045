import {
  checkTemperature,
  checkToken,
  type CodeClaims,
  type Language,
  type VerifyRequest,
  type VerifyResponse,
} from '@healthcode/shared'
import { recordCheckin } from '../checkins/record'
import { epochSeconds } from '../storage/dynamo'
import type { StoredVenue } from '../venues/repository'
import {
  conclude,
  findGuardedVenue,
  judgeResident,
  policyOf,
  residentById,
  type CheckpointDependencies,
  type Outcome,
} from './outcome'

const DAY_MS = 86_400_000

export type VerifyResult =
  | { kind: 'ok'; response: VerifyResponse }
  | { kind: 'not_found' }
  | { kind: 'temperature_required' }
  | { kind: 'idempotency_key_reused' }
  | { kind: 'idempotency_in_progress' }

type VerifyInput = {
  accountId: string
  request: VerifyRequest
  idempotencyKey: string | null
  language: Language
  now: Date
}

/**
 * Verifies a scanned pass or personal code at a venue the guard guards,
 * with server time, then redeems it: each token admits once, and a second
 * verification is ALREADY_USED. Admitting a personal code also records a
 * check-in at the venue. Every verification is recorded as an event. With
 * an Idempotency-Key, a retry after a lost response gets the same verdict.
 */
export async function verify(
  deps: CheckpointDependencies,
  input: VerifyInput,
): Promise<VerifyResult> {
  const venue = await findGuardedVenue(
    deps,
    input.accountId,
    input.request.venueId,
  )
  if (venue === null) return { kind: 'not_found' }
  const policy = policyOf(deps, venue)
  const temperature = checkTemperature(input.request.temperature, policy)
  if (temperature.kind === 'missing') return { kind: 'temperature_required' }

  const work = () => judgeAndRecord(deps, input, venue, temperature.kind)
  if (input.idempotencyKey === null) {
    return { kind: 'ok', response: await work() }
  }
  const result = await deps.idempotency(
    {
      accountId: input.accountId,
      key: input.idempotencyKey,
      body: input.request,
    },
    work,
  )
  switch (result.kind) {
    case 'ok':
      return { kind: 'ok', response: result.value }
    case 'reused':
      return { kind: 'idempotency_key_reused' }
    case 'in_progress':
      return { kind: 'idempotency_in_progress' }
  }
}

async function judgeAndRecord(
  deps: CheckpointDependencies,
  input: VerifyInput,
  venue: StoredVenue,
  temperature: 'ok' | 'fever',
): Promise<VerifyResponse> {
  const outcome = await judge(deps, input, venue, temperature === 'fever')
  return conclude(deps, {
    venue,
    guardAccountId: input.accountId,
    source: 'verify',
    outcome,
    temperature: input.request.temperature,
    at: input.now,
    now: input.now,
    language: input.language,
  })
}

async function judge(
  deps: CheckpointDependencies,
  input: VerifyInput,
  venue: StoredVenue,
  fever: boolean,
): Promise<Outcome> {
  const { request, now } = input
  const policy = policyOf(deps, venue)
  const deviceTime = request.deviceTime
  const check = checkToken(request.token, {
    keys: deps.keys.verification,
    city: deps.rules.id,
    venueId: venue.venueId,
    now,
    deviceClockOffsetSeconds:
      deviceTime === undefined
        ? undefined
        : (Date.parse(deviceTime) - now.getTime()) / 1000,
    policy,
  })
  switch (check.code) {
    case 'ALLOW':
    case 'DENY_COLOR':
      break
    case 'EXPIRED':
    case 'WRONG_VENUE':
    case 'INVALID_SIGNATURE':
    case 'WRONG_CITY':
    case 'CLOCK_WRONG':
      return { code: check.code }
  }
  const resident = await residentById(
    deps,
    await deps.checkpoint.findResidentIdByCodeRef(check.claims.sub),
  )
  if (resident === null) return { code: 'NOT_REGISTERED' }
  // The color now, which may have changed since the token was signed.
  const judged = judgeResident(deps, { resident, policy, fever, at: now })
  if (judged.code !== 'ALLOW') return judged

  const redemption = await redeem(deps, check.claims, venue, input)
  if (redemption === 'used') return { ...judged, code: 'ALREADY_USED' }
  if (check.kind === 'personal') {
    await recordCheckin(deps, {
      residentId: resident.residentId,
      venue,
      at: now,
      now,
      source: 'guard',
      guardAccountId: input.accountId,
    })
  }
  return judged
}

async function redeem(
  deps: CheckpointDependencies,
  claims: CodeClaims,
  venue: StoredVenue,
  input: VerifyInput,
): Promise<'redeemed' | 'used'> {
  const result = await deps.checkpoint.redeem({
    jti: claims.jti,
    venueId: venue.venueId,
    guardAccountId: input.accountId,
    verifiedAt: input.now.toISOString(),
    source: 'online',
    ttl: redemptionTtl(deps, claims),
  })
  return result.kind === 'redeemed' ? 'redeemed' : 'used'
}

/**
 * Keeps a redemption until offline verifications of the token can no
 * longer be synced: the token's expiry plus the retention period.
 */
export function redemptionTtl(
  deps: Pick<CheckpointDependencies, 'rules'>,
  claims: CodeClaims,
): number {
  const retentionMs = deps.rules.retention.checkinDays * DAY_MS
  return epochSeconds(new Date(claims.exp * 1000 + retentionMs))
}
