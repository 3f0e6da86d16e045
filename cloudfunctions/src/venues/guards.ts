import { TransactionCanceledException } from '@aws-sdk/client-dynamodb'
import { parsePhone, type GuardResponse } from '@healthcode/shared'
import { randomId } from '../auth/session'
import {
  findAccountIdByPhone,
  putNewAccount,
  type Account,
} from '../storage/accounts'
import type { PiiProtector } from '../storage/pii'
import type { VenueAuditRecord } from './repository'
import { auditBase, type VenueDependencies } from './service'

export type GuardDependencies = VenueDependencies & { pii: PiiProtector }

export type AddGuardResult =
  | { kind: 'added'; guard: GuardResponse }
  | { kind: 'not_found' }
  | { kind: 'phone_invalid' }

/**
 * Grants the guard role for a venue to the account of a phone, creating
 * the account when the phone never signed in. The guard gets the role in
 * their session at the next sign-in or POST /v1/auth/refresh. Adding the
 * same guard again changes nothing.
 */
export async function addGuard(
  deps: GuardDependencies,
  input: { accountId: string; venueId: string; phone: string; now: Date },
): Promise<AddGuardResult> {
  const venue = await deps.venues.get(input.venueId)
  if (venue === null || venue.ownerAccountId !== input.accountId) {
    return { kind: 'not_found' }
  }
  const phone = parsePhone(input.phone)
  if (phone.kind === 'invalid') return { kind: 'phone_invalid' }
  const phoneHash = deps.pii.hash('phone', phone.phone)
  const guard = await findOrCreateAccount(deps, phoneHash, input.now)

  const audit: VenueAuditRecord = {
    ...auditBase(venue.venueId, input.accountId, input.now),
    kind: 'guard_added',
    guardAccountId: guard.accountId,
  }
  const outcome = await deps.venues.addGuard({
    venueId: venue.venueId,
    ownerAccountId: input.accountId,
    guardAccountId: guard.accountId,
    audit,
  })
  if (outcome === 'venue_gone') return { kind: 'not_found' }
  deps.logger.info('Guard added', {
    venueId: venue.venueId,
    guardAccountId: guard.accountId,
    eventId: audit.eventId,
  })
  return {
    kind: 'added',
    guard: {
      venueId: venue.venueId,
      maskedPhone: maskPhone(phone.phone),
      accountCreated: guard.created,
    },
  }
}

async function findOrCreateAccount(
  deps: GuardDependencies,
  phoneHash: string,
  now: Date,
): Promise<{ accountId: string; created: boolean }> {
  const existing = await findAccountIdByPhone(deps.accounts, phoneHash)
  if (existing !== null) return { accountId: existing, created: false }
  const account: Account = {
    accountId: randomId(),
    phoneHash,
    role: 'resident',
    createdAt: now.toISOString(),
  }
  try {
    await putNewAccount(deps.accounts, account)
  } catch (error) {
    if (!(error instanceof TransactionCanceledException)) throw error
    // The phone signed in for the first time meanwhile.
    const raced = await findAccountIdByPhone(deps.accounts, phoneHash)
    if (raced === null) throw error
    return { accountId: raced, created: false }
  }
  deps.logger.info('Account created for a guard', {
    accountId: account.accountId,
  })
  return { accountId: account.accountId, created: true }
}

/**
 * Masks an E.164 phone number, keeping the country code, the first three
 * and the last four digits: `+8613800138000` becomes `+86 138****8000`.
 */
export function maskPhone(e164: string): string {
  const mainland = /^\+86(\d{3})\d{4}(\d{4})$/.exec(e164)
  if (mainland !== null) return `+86 ${mainland[1]}****${mainland[2]}`
  const digits = e164.slice(1)
  return `+${'*'.repeat(Math.max(0, digits.length - 4))}${digits.slice(-4)}`
}
