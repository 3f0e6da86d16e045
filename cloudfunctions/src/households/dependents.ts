import {
  addCityDays,
  canAddDependent,
  checkEligibility,
  cityDate,
  identityKey,
  parseDocument,
  parseName,
  startOfCityDay,
  type DependentLinkRequest,
  type DependentList,
  type DependentRequest,
  type DependentView,
  type Language,
  type LocalizedText,
  type ParsedDocument,
  type ProblemCode,
} from '@healthcode/shared'
import { randomId } from '../auth/session'
import type { FieldError } from '../http/types'
import {
  findSignedInResident,
  getResident,
  protectedIdentity,
  type Resident,
} from '../storage/residents'
import {
  MAX_ATTEMPTS,
  MAX_HOUSEHOLD_MEMBERS,
  type HouseholdDependencies,
} from './deps'
import { planJoin } from './plans'
import type { DependentLink } from './repository'
import { statusOf } from './status'

export type DependentResult =
  // `created` is false when the same guardian repeats a request.
  | { kind: 'ok'; created: boolean; dependent: DependentView }
  | { kind: 'invalid'; code: ProblemCode; errors: FieldError[] }
  | { kind: 'not_eligible'; reason: LocalizedText }
  | { kind: 'document_not_accepted' }
  | { kind: 'limit_reached' }
  | { kind: 'registered_elsewhere' }
  | { kind: 'has_own_account' }
  | { kind: 'household_full' }
  | { kind: 'not_registered' }
  | { kind: 'unknown_account' }

export type LinkResult =
  | { kind: 'ok'; created: boolean; dependent: DependentView }
  | { kind: 'invalid'; code: ProblemCode; errors: FieldError[] }
  | { kind: 'not_found' }
  | { kind: 'rate_limited'; retryAfterSeconds: number }
  | { kind: 'limit_reached' }
  | { kind: 'has_own_account' }
  | { kind: 'not_registered' }
  | { kind: 'unknown_account' }

export type DependentListResult =
  | { kind: 'ok'; list: DependentList }
  | { kind: 'not_registered' }
  | { kind: 'unknown_account' }

// A guardian and one of their dependents, as the dependent routes need.
export type Guardianship =
  | { kind: 'ok'; guardian: Resident; dependent: Resident; link: DependentLink }
  | { kind: 'not_found' }
  | { kind: 'not_registered' }
  | { kind: 'unknown_account' }

// Failed link attempts an account may make per city day. Linking needs
// the whole document number, and the limit keeps anyone from trying the
// numbers of one birth date and region until one matches.
export const MAX_LINK_FAILURES = 5

type Applicant = { name: string; document: ParsedDocument }

type ParsedApplicant =
  | { kind: 'ok'; applicant: Applicant }
  | { kind: 'invalid'; code: ProblemCode; errors: FieldError[] }

// Parses name and document as registration does, reporting every invalid
// field. The problem's code is the first field's code, in form order.
function parseApplicant(request: DependentRequest, now: Date): ParsedApplicant {
  const errors: { field: string; code: ProblemCode }[] = []
  const name = parseName(request.name)
  if (name.kind === 'invalid') errors.push({ field: 'name', code: name.code })
  const document = parseDocument(request.document, now)
  if (document.kind === 'invalid') {
    errors.push({ field: document.field, code: document.code })
  }
  const first = errors[0]
  if (first !== undefined) return { kind: 'invalid', code: first.code, errors }
  if (name.kind !== 'ok' || document.kind !== 'ok') {
    throw new Error('A field without an error failed to parse')
  }
  return {
    kind: 'ok',
    applicant: { name: name.name, document: document.document },
  }
}

/**
 * Registers a person without a phone as a dependent of the signed-in
 * resident, who becomes their guardian. The dependent joins the guardian's
 * household, which is created with the first dependent. A person
 * registered already, on their own account or by another guardian, is
 * not registered again.
 */
export async function registerDependent(
  deps: HouseholdDependencies,
  input: {
    accountId: string
    request: DependentRequest
    language: Language
    now: Date
  },
): Promise<DependentResult> {
  const parsed = parseApplicant(input.request, input.now)
  if (parsed.kind === 'invalid') return parsed
  const { applicant } = parsed

  const found = await findSignedInResident(deps.accounts, input.accountId)
  if (found.kind !== 'ok') return { kind: found.kind }
  const guardian = found.resident

  const eligibility = checkEligibility(deps.rules, applicant.document)
  switch (eligibility.kind) {
    case 'eligible':
      break
    case 'ineligible':
      return { kind: 'not_eligible', reason: eligibility.reason }
    case 'document_not_accepted':
      return { kind: 'document_not_accepted' }
  }

  const identityHash = deps.pii.hash(
    'identity',
    identityKey(applicant.document),
  )
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    const known = await knownIdentity(deps, guardian, identityHash, input)
    if (known !== null) return known

    const links = await deps.households.listDependentLinks(guardian.residentId)
    if (canAddDependent(deps.rules, links.length).kind === 'limit_reached') {
      return { kind: 'limit_reached' }
    }
    const dependent = newDependent(deps, {
      guardian,
      applicant,
      identityHash,
      now: input.now,
    })
    const link: DependentLink = {
      guardianId: guardian.residentId,
      dependentId: dependent.residentId,
      relationship: input.request.relationship,
      linkedAt: input.now.toISOString(),
    }
    const plan = await planJoin(deps, {
      host: guardian.residentId,
      joining: [
        {
          member: {
            residentId: dependent.residentId,
            kind: 'dependent',
            joinedAt: input.now.toISOString(),
          },
          from: null,
        },
      ],
      now: input.now,
    })
    if (plan === null) continue
    if (plan.memberCount > MAX_HOUSEHOLD_MEMBERS) {
      return { kind: 'household_full' }
    }
    const outcome = await deps.households.registerDependent({
      identity: {
        identityHash,
        residentId: dependent.residentId,
        accountId: guardian.accountId,
      },
      dependent,
      link,
      maxDependents: deps.rules.households.maxDependents,
      household: plan.plan,
    })
    if (outcome.kind === 'created') {
      deps.logger.info('Dependent registered', {
        accountId: input.accountId,
        guardianId: guardian.residentId,
        residentId: dependent.residentId,
      })
      const view = await dependentView(deps, {
        link,
        dependent,
        language: input.language,
        now: input.now,
      })
      return { kind: 'ok', created: true, dependent: view }
    }
    if (outcome.reason === 'limit') return { kind: 'limit_reached' }
    // A concurrent request claimed the identity or changed the household,
    // so read again.
  }
  throw new Error(
    `Dependent not registered after ${MAX_ATTEMPTS} concurrent changes`,
  )
}

// Decides a request for a registered identity. The guardian's own
// dependent comes back as it is, and anyone else is rejected. Returns null
// for an identity nobody registered.
async function knownIdentity(
  deps: HouseholdDependencies,
  guardian: Resident,
  identityHash: string,
  input: { language: Language; now: Date },
): Promise<DependentResult | null> {
  const identity = await deps.households.getIdentity(identityHash)
  if (identity === null) return null
  const resident = await residentOf(deps, identity.residentId)
  if (resident.dependent !== true) return { kind: 'has_own_account' }
  const link = await deps.households.getDependentLink(
    guardian.residentId,
    resident.residentId,
  )
  if (link === null) return { kind: 'registered_elsewhere' }
  const view = await dependentView(deps, {
    ...input,
    link,
    dependent: resident,
  })
  return { kind: 'ok', created: false, dependent: view }
}

/**
 * Makes the signed-in resident a further guardian of a registered
 * dependent, proven by the dependent's whole document. The dependent stays
 * in the household they live in. Unknown documents and documents of
 * people with their own account count as failed attempts, of which an
 * account has MAX_LINK_FAILURES per city day.
 */
export async function linkDependent(
  deps: HouseholdDependencies,
  input: {
    accountId: string
    request: DependentLinkRequest
    language: Language
    now: Date
  },
): Promise<LinkResult> {
  const document = parseDocument(input.request.document, input.now)
  if (document.kind === 'invalid') {
    return {
      kind: 'invalid',
      code: document.code,
      errors: [{ field: document.field, code: document.code }],
    }
  }
  const found = await findSignedInResident(deps.accounts, input.accountId)
  if (found.kind !== 'ok') return { kind: found.kind }
  const guardian = found.resident

  const day = cityDayOf(deps, input.now)
  const failures = await deps.households.linkFailures(input.accountId, day.date)
  if (failures >= MAX_LINK_FAILURES) {
    return { kind: 'rate_limited', retryAfterSeconds: day.secondsLeft }
  }
  const identityHash = deps.pii.hash(
    'identity',
    identityKey(document.document),
  )
  const identity = await deps.households.getIdentity(identityHash)
  const dependent =
    identity === null ? null : await residentOf(deps, identity.residentId)
  if (dependent === null || dependent.dependent !== true) {
    await deps.households.recordLinkFailure(
      input.accountId,
      day.date,
      day.expiresAt,
    )
    deps.logger.warn('Dependent link failed', {
      accountId: input.accountId,
      failures: failures + 1,
    })
    return dependent === null
      ? { kind: 'not_found' }
      : { kind: 'has_own_account' }
  }

  const existing = await deps.households.getDependentLink(
    guardian.residentId,
    dependent.residentId,
  )
  if (existing !== null) {
    const view = await dependentView(deps, {
      ...input,
      link: existing,
      dependent,
    })
    return { kind: 'ok', created: false, dependent: view }
  }
  const links = await deps.households.listDependentLinks(guardian.residentId)
  if (canAddDependent(deps.rules, links.length).kind === 'limit_reached') {
    return { kind: 'limit_reached' }
  }
  const link: DependentLink = {
    guardianId: guardian.residentId,
    dependentId: dependent.residentId,
    relationship: input.request.relationship ?? 'other',
    linkedAt: input.now.toISOString(),
  }
  const outcome = await deps.households.linkDependent({
    link,
    maxDependents: deps.rules.households.maxDependents,
  })
  switch (outcome) {
    case 'limit':
      return { kind: 'limit_reached' }
    case 'already_linked': {
      const raced = await deps.households.getDependentLink(
        guardian.residentId,
        dependent.residentId,
      )
      if (raced === null) throw new Error('A reported link is missing')
      const view = await dependentView(deps, {
        ...input,
        link: raced,
        dependent,
      })
      return { kind: 'ok', created: false, dependent: view }
    }
    case 'linked': {
      deps.logger.info('Dependent linked', {
        accountId: input.accountId,
        guardianId: guardian.residentId,
        residentId: dependent.residentId,
      })
      const view = await dependentView(deps, { ...input, link, dependent })
      return { kind: 'ok', created: true, dependent: view }
    }
  }
}

/** Lists the signed-in resident's dependents with their status. */
export async function listDependents(
  deps: HouseholdDependencies,
  input: { accountId: string; language: Language; now: Date },
): Promise<DependentListResult> {
  const found = await findSignedInResident(deps.accounts, input.accountId)
  if (found.kind !== 'ok') return { kind: found.kind }
  const links = await deps.households.listDependentLinks(
    found.resident.residentId,
  )
  const items = await Promise.all(
    links.map(async (link) =>
      dependentView(deps, {
        ...input,
        link,
        dependent: await residentOf(deps, link.dependentId),
      }),
    ),
  )
  items.sort((a, b) =>
    a.linkedAt === b.linkedAt
      ? a.id.localeCompare(b.id)
      : a.linkedAt.localeCompare(b.linkedAt),
  )
  return {
    kind: 'ok',
    list: { items, maxDependents: deps.rules.households.maxDependents },
  }
}

/**
 * Finds a dependent of the signed-in resident. Any resident id that is not
 * one of the caller's dependents is not found, whether or not it exists.
 */
export async function findGuardianship(
  deps: HouseholdDependencies,
  input: { accountId: string; dependentId: string },
): Promise<Guardianship> {
  const found = await findSignedInResident(deps.accounts, input.accountId)
  if (found.kind !== 'ok') return { kind: found.kind }
  const guardian = found.resident
  const link = await deps.households.getDependentLink(
    guardian.residentId,
    input.dependentId,
  )
  if (link === null) return { kind: 'not_found' }
  const dependent = await residentOf(deps, input.dependentId)
  return { kind: 'ok', guardian, dependent, link }
}

export async function dependentView(
  deps: HouseholdDependencies,
  input: {
    link: DependentLink
    dependent: Resident
    language: Language
    now: Date
  },
): Promise<DependentView> {
  const { dependent } = input
  const [guardianIds, status] = await Promise.all([
    deps.households.listGuardianIds(dependent.residentId),
    statusOf(deps, dependent, input.language, input.now),
  ])
  return {
    id: dependent.residentId,
    maskedName: dependent.maskedName,
    documentType: dependent.documentType,
    maskedDocument: dependent.maskedDocument,
    relationship: input.link.relationship,
    linkedAt: input.link.linkedAt,
    guardianCount: guardianIds.length,
    status,
  }
}

export async function residentOf(
  deps: Pick<HouseholdDependencies, 'accounts'>,
  residentId: string,
): Promise<Resident> {
  const resident = await getResident(
    deps.accounts.db,
    deps.accounts.tables.residents,
    residentId,
  )
  if (resident === null) throw new Error(`Resident ${residentId} is missing`)
  return resident
}

function newDependent(
  deps: HouseholdDependencies,
  input: {
    guardian: Resident
    applicant: Applicant
    identityHash: string
    now: Date
  },
): Resident {
  const { applicant, guardian } = input
  const residentId = randomId()
  return {
    residentId,
    accountId: guardian.accountId,
    dependent: true,
    codeRef: randomId(),
    city: deps.rules.id,
    identityHash: input.identityHash,
    ...protectedIdentity(deps.pii, residentId, applicant),
    language: guardian.language,
    createdAt: input.now.toISOString(),
    declarations: [],
    version: 0,
  }
}

// The city date of `now`, the seconds until the next city midnight and
// the expiry of a record kept one day past it, in epoch seconds.
function cityDayOf(deps: HouseholdDependencies, now: Date) {
  const zone = deps.rules.timeZone
  const start = startOfCityDay(now, zone)
  const next = addCityDays(start, 1, zone)
  return {
    date: cityDate(now, zone),
    secondsLeft: Math.ceil((next.getTime() - now.getTime()) / 1000),
    expiresAt: Math.floor(addCityDays(next, 1, zone).getTime() / 1000),
  }
}
