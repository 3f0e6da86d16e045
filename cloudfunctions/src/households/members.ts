import {
  parsePhone,
  type HouseholdInvitation,
  type HouseholdMember,
  type HouseholdView,
  type Language,
  type ResidentStatus,
} from '@healthcode/shared'
import { epochSeconds } from '../storage/dynamo'
import { findSignedInResident, type Resident } from '../storage/residents'
import {
  MAX_ATTEMPTS,
  MAX_HOUSEHOLD_MEMBERS,
  type HouseholdDependencies,
} from './deps'
import { residentOf } from './dependents'
import { planJoin } from './plans'
import type { HouseholdPlan, Invitation } from './repository'
import { statusOf } from './status'

// How long an invitation can be accepted.
const INVITATION_DAYS = 7
const DAY_MS = 86_400_000

export type InviteResult =
  | { kind: 'ok'; invitation: HouseholdInvitation }
  | { kind: 'phone_invalid' }
  // The phone is the caller's own.
  | { kind: 'own_phone' }
  | { kind: 'not_registered' }
  | { kind: 'unknown_account' }

export type HouseholdResult =
  | { kind: 'ok'; household: HouseholdView }
  | { kind: 'not_registered' }
  | { kind: 'unknown_account' }

export type AcceptResult =
  | HouseholdResult
  | { kind: 'not_found' }
  | { kind: 'household_full' }

/**
 * Invites the resident of a phone to the caller's household. The
 * invitation is keyed by the phone, replaces an earlier one to the same
 * phone and is stored whether or not the phone has registered, so the
 * response reveals nothing about the phone's owner.
 */
export async function invite(
  deps: HouseholdDependencies,
  input: { accountId: string; phone: string; now: Date },
): Promise<InviteResult> {
  const phone = parsePhone(input.phone)
  if (phone.kind === 'invalid') return { kind: 'phone_invalid' }
  const found = await findSignedInResident(deps.accounts, input.accountId)
  if (found.kind !== 'ok') return { kind: found.kind }
  const phoneHash = deps.pii.hash('phone', phone.phone)
  if (phoneHash === found.account.phoneHash) return { kind: 'own_phone' }
  const expiresAt = new Date(input.now.getTime() + INVITATION_DAYS * DAY_MS)
  const invitation: Invitation = {
    inviterId: found.resident.residentId,
    createdAt: input.now.toISOString(),
    expiresAt: expiresAt.toISOString(),
  }
  await deps.households.putInvitation(
    phoneHash,
    invitation,
    epochSeconds(expiresAt),
  )
  deps.logger.info('Household invitation stored', {
    accountId: input.accountId,
    residentId: found.resident.residentId,
  })
  return { kind: 'ok', invitation: { expiresAt: invitation.expiresAt } }
}

/**
 * Accepts the invitation to the caller's phone. The caller's household, if
 * any, joins the inviter's as a whole, adults and dependents alike,
 * because its members live together.
 */
export async function acceptInvitation(
  deps: HouseholdDependencies,
  input: { accountId: string; language: Language; now: Date },
): Promise<AcceptResult> {
  const found = await findSignedInResident(deps.accounts, input.accountId)
  if (found.kind !== 'ok') return { kind: found.kind }
  const invitee = found.resident
  const phoneHash = found.account.phoneHash
  const invitation = await pendingInvitation(deps, phoneHash, input.now)
  if (invitation === null || invitation.inviterId === invitee.residentId) {
    return { kind: 'not_found' }
  }

  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    const movers = await moversOf(deps, invitee.residentId, input.now)
    if (movers === null) continue
    const inviterHousehold = await deps.households.getMembership(
      invitation.inviterId,
    )
    if (
      movers.from !== null &&
      inviterHousehold?.householdId === movers.from.householdId
    ) {
      return householdOf(deps, { ...input, resident: invitee })
    }
    const plan = await planJoin(deps, {
      host: invitation.inviterId,
      joining: movers.joining,
      dissolve: movers.from,
      now: input.now,
    })
    if (plan === null) continue
    if (plan.memberCount > MAX_HOUSEHOLD_MEMBERS) {
      return { kind: 'household_full' }
    }
    const joined = await deps.households.joinHousehold(plan.plan, phoneHash)
    if (joined === 'joined') {
      deps.logger.info('Household joined', {
        accountId: input.accountId,
        residentId: invitee.residentId,
        householdId: plan.householdId,
        members: plan.memberCount,
      })
      return householdOf(deps, { ...input, resident: invitee })
    }
  }
  throw new Error(
    `Household not joined after ${MAX_ATTEMPTS} concurrent changes`,
  )
}

async function pendingInvitation(
  deps: HouseholdDependencies,
  phoneHash: string,
  now: Date,
): Promise<Invitation | null> {
  const invitation = await deps.households.getInvitation(phoneHash)
  // DynamoDB deletes expired items some time after `ttl`, not at once.
  if (invitation === null) return null
  const expired = Date.parse(invitation.expiresAt) <= now.getTime()
  return expired ? null : invitation
}

type Movers = {
  joining: HouseholdPlan['joining']
  from: { householdId: string; expectedVersion: number } | null
}

// The invitee alone, or every member of the invitee's household with the
// household's version. Null when the household vanished while it was read.
async function moversOf(
  deps: HouseholdDependencies,
  residentId: string,
  now: Date,
): Promise<Movers | null> {
  const joinedAt = now.toISOString()
  const membership = await deps.households.getMembership(residentId)
  if (membership === null) {
    return {
      joining: [
        { member: { residentId, kind: 'adult', joinedAt }, from: null },
      ],
      from: null,
    }
  }
  const householdId = membership.householdId
  const household = await deps.households.getHousehold(householdId)
  if (household === null) return null
  const members = await deps.households.listMembers(householdId)
  return {
    joining: members.map((member) => ({
      member: { residentId: member.residentId, kind: member.kind, joinedAt },
      from: householdId,
    })),
    from: { householdId, expectedVersion: household.version },
  }
}

/** Returns the caller's household and any pending invitation. */
export async function getHousehold(
  deps: HouseholdDependencies,
  input: { accountId: string; language: Language; now: Date },
): Promise<HouseholdResult> {
  const found = await findSignedInResident(deps.accounts, input.accountId)
  if (found.kind !== 'ok') return { kind: found.kind }
  return householdOf(deps, { ...input, resident: found.resident })
}

async function householdOf(
  deps: HouseholdDependencies,
  input: { resident: Resident; language: Language; now: Date },
): Promise<HouseholdResult> {
  const { resident } = input
  const membership = await deps.households.getMembership(resident.residentId)
  const members =
    membership === null
      ? [{ residentId: resident.residentId, kind: 'adult' as const }]
      : await deps.households.listMembers(membership.householdId)
  const guarded = new Set(
    (await deps.households.listDependentLinks(resident.residentId)).map(
      (link) => link.dependentId,
    ),
  )
  const views = await Promise.all(
    members.map((member) =>
      memberView(deps, {
        ...input,
        memberId: member.residentId,
        kind: member.kind,
        self: member.residentId === resident.residentId,
        guarded: guarded.has(member.residentId),
      }),
    ),
  )
  return {
    kind: 'ok',
    household: {
      id: membership?.householdId ?? null,
      members: views.sort(compareMembers),
      invitation: await invitationView(deps, {
        ...input,
        householdId: membership?.householdId ?? null,
      }),
    },
  }
}

// The caller first, then adults before dependents, then by id.
function compareMembers(a: HouseholdMember, b: HouseholdMember): number {
  if (a.self !== b.self) return a.self ? -1 : 1
  if (a.kind !== b.kind) return a.kind === 'adult' ? -1 : 1
  return a.id.localeCompare(b.id)
}

async function memberView(
  deps: HouseholdDependencies,
  input: {
    memberId: string
    kind: HouseholdMember['kind']
    self: boolean
    guarded: boolean
    language: Language
    now: Date
  },
): Promise<HouseholdMember> {
  const member = await residentOf(deps, input.memberId)
  const status = await statusOf(deps, member, input.language, input.now)
  return {
    id: member.residentId,
    maskedName: member.maskedName,
    kind: input.kind,
    self: input.self,
    ...sharedPart(status, input.self || input.guarded),
  }
}

// Returns what a member shows to the rest of the household: the color and
// its end, and every reason only when the viewer may read them all, else
// those of the household rules.
function sharedPart(
  status: ResidentStatus,
  everyReason: boolean,
): Pick<HouseholdMember, 'color' | 'until' | 'reasons'> {
  if (!status.rated) return { color: null, until: null, reasons: [] }
  return {
    color: status.color,
    until: status.until,
    reasons: everyReason
      ? status.reasons
      : status.reasons.filter((reason) => isHouseholdRule(reason.rule)),
  }
}

function isHouseholdRule(rule: string): boolean {
  return rule.startsWith('household.')
}

async function invitationView(
  deps: HouseholdDependencies,
  input: { resident: Resident; householdId: string | null; now: Date },
): Promise<HouseholdView['invitation']> {
  const phoneHash = input.resident.phoneHash
  if (phoneHash === undefined) return null
  const invitation = await pendingInvitation(deps, phoneHash, input.now)
  if (invitation === null) return null
  const inviterHousehold = await deps.households.getMembership(
    invitation.inviterId,
  )
  if (
    input.householdId !== null &&
    inviterHousehold?.householdId === input.householdId
  ) {
    return null
  }
  const inviter = await residentOf(deps, invitation.inviterId)
  return {
    fromMaskedName: inviter.maskedName,
    expiresAt: invitation.expiresAt,
  }
}
