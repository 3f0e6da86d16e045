import {
  checkVenuePolicy,
  guardPolicyOf,
  type CityRules,
  type Venue,
  type VenueRequest,
} from '@healthcode/shared'
import { randomId } from '../auth/session'
import type { AppLogger } from '../http/handler'
import { getAccount, type AccountStore } from '../storage/accounts'
import { codeTextOf, type VenueCodeConfig } from './codes'
import type {
  StoredVenue,
  VenueAuditRecord,
  VenueRepository,
} from './repository'

// Attempts of a code rotation against concurrent rotations of one venue.
const MAX_ROTATION_ATTEMPTS = 3

export type VenueDependencies = {
  rules: CityRules
  venues: VenueRepository
  accounts: AccountStore
  codes: VenueCodeConfig
  logger: AppLogger
}

export type VenueAccess = Venue['access']

export type CreateVenueResult =
  | { kind: 'created'; venue: Venue }
  | { kind: 'policy_not_allowed'; fields: string[] }

export type VenueResult = { kind: 'ok'; venue: Venue } | { kind: 'not_found' }

/**
 * Returns how an account relates to a venue, or null when it has no
 * access, which routes report as 404 so venue ids of others stay hidden.
 */
export function accessOf(
  venue: StoredVenue,
  accountId: string,
): VenueAccess | null {
  if (venue.ownerAccountId === accountId) return 'owner'
  if (venue.guardAccountIds?.includes(accountId) === true) return 'guard'
  return null
}

export function venueView(
  deps: Pick<VenueDependencies, 'rules' | 'codes'>,
  venue: StoredVenue,
  access: VenueAccess,
): Venue {
  return {
    id: venue.venueId,
    name: venue.name,
    address: venue.address,
    type: venue.type,
    location: venue.location ?? null,
    policy: venue.policy,
    guardPolicy: guardPolicyOf(deps.rules, venue.policy),
    codeVersion: venue.codeVersion,
    codeText: codeTextOf(deps.codes, venue),
    createdAt: venue.createdAt,
    access,
  }
}

export async function createVenue(
  deps: VenueDependencies,
  input: { accountId: string; request: VenueRequest; now: Date },
): Promise<CreateVenueResult> {
  const { request } = input
  const policy = checkVenuePolicy(deps.rules, request.type, request.policy)
  if (policy.kind === 'not_allowed') {
    return { kind: 'policy_not_allowed', fields: policy.fields }
  }
  const venue: StoredVenue = {
    venueId: randomId(),
    city: deps.rules.id,
    ownerAccountId: input.accountId,
    name: request.name,
    address: request.address,
    type: request.type,
    location: request.location,
    policy: policy.policy,
    codeVersion: 1,
    replacedCodeVersions: {},
    createdAt: input.now.toISOString(),
  }
  await deps.venues.put(venue)
  deps.logger.info('Venue created', {
    venueId: venue.venueId,
    accountId: input.accountId,
  })
  return { kind: 'created', venue: venueView(deps, venue, 'owner') }
}

/** Lists the venues an account owns or guards, oldest first. */
export async function listVenues(
  deps: VenueDependencies,
  accountId: string,
): Promise<Venue[]> {
  const owned = await deps.venues.listByOwner(accountId)
  const account = await getAccount(deps.accounts, accountId)
  const ownedIds = new Set(owned.map((venue) => venue.venueId))
  const guardedIds = (account?.guardVenueIds ?? []).filter(
    (venueId) => !ownedIds.has(venueId),
  )
  const guarded = await Promise.all(
    guardedIds.map((venueId) => deps.venues.get(venueId)),
  )
  const views: Venue[] = []
  for (const venue of [...owned, ...guarded]) {
    if (venue === null) continue
    const access = accessOf(venue, accountId)
    if (access !== null) views.push(venueView(deps, venue, access))
  }
  return views.sort((a, b) => a.createdAt.localeCompare(b.createdAt))
}

/** Reads a venue the account owns or guards. */
export async function findAccessibleVenue(
  venues: VenueRepository,
  accountId: string,
  venueId: string,
): Promise<{ venue: StoredVenue; access: VenueAccess } | null> {
  const venue = await venues.get(venueId)
  if (venue === null) return null
  const access = accessOf(venue, accountId)
  return access === null ? null : { venue, access }
}

export async function getVenue(
  deps: VenueDependencies,
  input: { accountId: string; venueId: string },
): Promise<VenueResult> {
  const found = await findAccessibleVenue(
    deps.venues,
    input.accountId,
    input.venueId,
  )
  if (found === null) return { kind: 'not_found' }
  return { kind: 'ok', venue: venueView(deps, found.venue, found.access) }
}

/**
 * Replaces a venue's code with the next version. The replaced version
 * keeps admitting check-ins for the city's grace period, and older
 * versions whose grace period has ended are dropped.
 */
export async function rotateVenueCode(
  deps: VenueDependencies,
  input: { accountId: string; venueId: string; now: Date },
): Promise<VenueResult> {
  for (let attempt = 1; attempt <= MAX_ROTATION_ATTEMPTS; attempt++) {
    const venue = await deps.venues.get(input.venueId)
    if (venue === null || venue.ownerAccountId !== input.accountId) {
      return { kind: 'not_found' }
    }
    const replacedCodeVersions = stillInGrace(
      { ...venue.replacedCodeVersions, [venue.codeVersion]: iso(input.now) },
      deps.rules.venueCodes.rotationGraceHours,
      input.now,
    )
    const audit: VenueAuditRecord = {
      ...auditBase(venue.venueId, input.accountId, input.now),
      kind: 'code_rotated',
      fromVersion: venue.codeVersion,
      toVersion: venue.codeVersion + 1,
    }
    const outcome = await deps.venues.rotateCode({
      venue,
      replacedCodeVersions,
      audit,
    })
    if (outcome === 'rotated') {
      deps.logger.info('Venue code rotated', {
        venueId: venue.venueId,
        eventId: audit.eventId,
        toVersion: audit.toVersion,
      })
      const rotated: StoredVenue = {
        ...venue,
        codeVersion: venue.codeVersion + 1,
        replacedCodeVersions,
      }
      return { kind: 'ok', venue: venueView(deps, rotated, 'owner') }
    }
  }
  throw new Error(
    `Venue code not rotated after ${MAX_ROTATION_ATTEMPTS} concurrent changes`,
  )
}

function stillInGrace(
  versions: Record<string, string>,
  graceHours: number,
  now: Date,
): Record<string, string> {
  const oldest = now.getTime() - graceHours * 3_600_000
  return Object.fromEntries(
    Object.entries(versions).filter(
      ([, replacedAt]) => Date.parse(replacedAt) > oldest,
    ),
  )
}

function iso(date: Date): string {
  return date.toISOString()
}

export function auditBase(venueId: string, accountId: string, now: Date) {
  const at = iso(now)
  return {
    venueId,
    eventId: `${at}#${randomId()}`,
    at,
    actor: { accountId, role: 'business' as const },
  }
}
