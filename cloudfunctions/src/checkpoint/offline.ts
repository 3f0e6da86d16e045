import {
  checkTemperature,
  checkToken,
  type RedemptionItem,
  type RedemptionResult,
  type VerdictCode,
} from '@healthcode/shared'
import { recordCheckin } from '../checkins/record'
import type { StoredVenue } from '../venues/repository'
import {
  findGuardedVenue,
  policyOf,
  recordEvent,
  residentById,
  type CheckpointDependencies,
} from './outcome'
import { redemptionTtl } from './verify'

const DAY_MS = 86_400_000

/**
 * Redeems tokens a guard's device admitted offline, in request order. An
 * item is `redeemed` when this call or an earlier sync of the same item
 * (same guard, venue and verifiedAt) redeemed it, `already_used` when
 * someone else redeemed the token, and `invalid` when it should not have
 * admitted anyone, with the reason as `code`.
 * NOTE: a sync that fails between a redemption and its check-in leaves
 * the check-in out, and the retry reports `redeemed` without writing it.
 */
export async function redeemOffline(
  deps: CheckpointDependencies,
  input: { accountId: string; items: RedemptionItem[]; now: Date },
): Promise<RedemptionResult[]> {
  const venues = new Map<string, Promise<StoredVenue | null>>()
  const venueOf = (venueId: string) => {
    let venue = venues.get(venueId)
    if (venue === undefined) {
      venue = findGuardedVenue(deps, input.accountId, venueId)
      venues.set(venueId, venue)
    }
    return venue
  }
  const results: RedemptionResult[] = []
  // One at a time, so two items with the same token resolve in order.
  for (const item of input.items) {
    const venue = await venueOf(item.venueId)
    results.push(
      venue === null
        ? { status: 'invalid' }
        : await redeemItem(deps, { ...input, item, venue }),
    )
  }
  return results
}

function invalid(code: VerdictCode): RedemptionResult {
  return { status: 'invalid', code }
}

async function redeemItem(
  deps: CheckpointDependencies,
  input: {
    accountId: string
    item: RedemptionItem
    venue: StoredVenue
    now: Date
  },
): Promise<RedemptionResult> {
  const { item, venue, now } = input
  const policy = policyOf(deps, venue)
  const verifiedAt = new Date(item.verifiedAt)
  const skewMs = policy.clockSkewSeconds * 1000
  const retentionMs = deps.rules.retention.checkinDays * DAY_MS
  if (verifiedAt.getTime() > now.getTime() + skewMs) {
    return invalid('CLOCK_WRONG')
  }
  if (verifiedAt.getTime() < now.getTime() - retentionMs) {
    return invalid('EXPIRED')
  }
  const check = checkToken(item.token, {
    keys: deps.keys.verification,
    city: deps.rules.id,
    venueId: venue.venueId,
    now: verifiedAt,
    policy,
  })
  if (check.code !== 'ALLOW') return invalid(check.code)
  const temperature = checkTemperature(item.temperature, policy)
  if (temperature.kind === 'fever') return invalid('FEVER')

  const resident = await residentById(
    deps,
    await deps.checkpoint.findResidentIdByCodeRef(check.claims.sub),
  )
  if (resident === null) return invalid('NOT_REGISTERED')
  const redemption = await deps.checkpoint.redeem({
    jti: check.claims.jti,
    venueId: venue.venueId,
    guardAccountId: input.accountId,
    verifiedAt: verifiedAt.toISOString(),
    source: 'offline',
    ttl: redemptionTtl(deps, check.claims),
  })
  if (redemption.kind === 'used') {
    const earlier = redemption.earlier
    const sameItem =
      earlier.source === 'offline' &&
      earlier.guardAccountId === input.accountId &&
      earlier.venueId === venue.venueId &&
      earlier.verifiedAt === verifiedAt.toISOString()
    return { status: sameItem ? 'redeemed' : 'already_used' }
  }

  if (check.kind === 'personal') {
    await recordCheckin(deps, {
      residentId: resident.residentId,
      venue,
      at: verifiedAt,
      now,
      source: 'guard',
      guardAccountId: input.accountId,
    })
  }
  // The device admitted on the color the token carried, so the event
  // keeps that color.
  await recordEvent(deps, {
    venue,
    guardAccountId: input.accountId,
    source: 'offline',
    outcome: { code: 'ALLOW', color: check.color, resident },
    temperature: item.temperature,
    at: verifiedAt,
  })
  return { status: 'redeemed' }
}
