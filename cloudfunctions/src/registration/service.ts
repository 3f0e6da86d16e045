import {
  checkEligibility,
  identityKey,
  parseDocument,
  parseName,
  parsePhone,
  type CityRules,
  type Language,
  type LocalizedText,
  type ParsedDocument,
  type ProblemCode,
  type RegistrationRequest,
  type ResidentProfile,
} from '@healthcode/shared'
import { randomId } from '../auth/session'
import type { AppLogger } from '../http/handler'
import type { FieldError } from '../http/types'
import { getAccount, type Account, type AccountStore } from '../storage/accounts'
import type { PiiProtector } from '../storage/pii'
import {
  findSignedInResident,
  getResident,
  profileOf,
  protectedIdentity,
  type Resident,
} from '../storage/residents'
import type { RegistrationRepository } from './repository'

export type RegistrationResult =
  | { kind: 'created'; profile: ResidentProfile }
  // A repeated request of the same person by the same account.
  | { kind: 'existing'; profile: ResidentProfile }
  | { kind: 'invalid'; code: ProblemCode; errors: FieldError[] }
  | { kind: 'phone_mismatch' }
  | { kind: 'not_eligible'; reason: LocalizedText }
  | { kind: 'document_not_accepted' }
  | { kind: 'identity_taken' }
  | { kind: 'already_registered' }
  | { kind: 'unknown_account' }

export type ProfileResult =
  | { kind: 'ok'; profile: ResidentProfile }
  | { kind: 'not_registered' }
  | { kind: 'unknown_account' }

export type RegistrationService = {
  register(input: {
    accountId: string
    request: RegistrationRequest
    language: Language
    now: Date
  }): Promise<RegistrationResult>
  getProfile(accountId: string): Promise<ProfileResult>
}

export type RegistrationDependencies = {
  rules: CityRules
  registrations: RegistrationRepository
  accounts: AccountStore
  pii: PiiProtector
  logger: AppLogger
}

type Applicant = { name: string; document: ParsedDocument; phone: string }

export function createRegistrationService(
  deps: RegistrationDependencies,
): RegistrationService {
  return {
    register: (input) => register(deps, input),
    getProfile: async (accountId) => {
      const found = await findSignedInResident(deps.accounts, accountId)
      switch (found.kind) {
        case 'ok':
          return { kind: 'ok', profile: profileOf(found.resident) }
        case 'not_registered':
          return { kind: 'not_registered' }
        case 'unknown_account':
          return { kind: 'unknown_account' }
      }
    },
  }
}

type ParsedRequest =
  | { kind: 'ok'; applicant: Applicant }
  | { kind: 'invalid'; code: ProblemCode; errors: FieldError[] }

// Parses every field and reports all invalid ones at once. The problem's
// code is the first field's code, in form order.
function parseRequest(request: RegistrationRequest, now: Date): ParsedRequest {
  const errors: { field: string; code: ProblemCode }[] = []
  const name = parseName(request.name)
  if (name.kind === 'invalid') errors.push({ field: 'name', code: name.code })
  const document = parseDocument(request.document, now)
  if (document.kind === 'invalid') {
    errors.push({ field: document.field, code: document.code })
  }
  const phone = parsePhone(request.phone)
  if (phone.kind === 'invalid') errors.push({ field: 'phone', code: phone.code })
  const first = errors[0]
  if (first !== undefined) {
    return { kind: 'invalid', code: first.code, errors }
  }
  if (
    name.kind !== 'ok' ||
    document.kind !== 'ok' ||
    phone.kind !== 'ok'
  ) {
    throw new Error('A field without an error failed to parse')
  }
  return {
    kind: 'ok',
    applicant: {
      name: name.name,
      document: document.document,
      phone: phone.phone,
    },
  }
}

async function register(
  deps: RegistrationDependencies,
  input: {
    accountId: string
    request: RegistrationRequest
    language: Language
    now: Date
  },
): Promise<RegistrationResult> {
  const parsed = parseRequest(input.request, input.now)
  if (parsed.kind === 'invalid') return parsed
  const applicant = parsed.applicant

  const account = await getAccount(deps.accounts, input.accountId)
  if (account === null) return { kind: 'unknown_account' }
  if (deps.pii.hash('phone', applicant.phone) !== account.phoneHash) {
    return { kind: 'phone_mismatch' }
  }

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
  if (account.residentId !== undefined) {
    return repeatedRegistration(deps, account, identityHash)
  }

  const resident = newResident(deps, {
    account,
    applicant,
    identityHash,
    language: input.request.language ?? input.language,
    now: input.now,
  })
  const outcome = await deps.registrations.register(resident)
  switch (outcome.kind) {
    case 'created':
      deps.logger.info('Resident registered', {
        accountId: account.accountId,
        residentId: resident.residentId,
      })
      return { kind: 'created', profile: profileOf(resident) }
    case 'conflict':
      return resolveConflict(deps, account.accountId, identityHash, outcome)
  }
}

// When the account already has a resident, the same person gets that
// profile again, and any other person is a second registration.
async function repeatedRegistration(
  deps: RegistrationDependencies,
  account: Account,
  identityHash: string,
): Promise<RegistrationResult> {
  if (account.residentId === undefined) {
    throw new Error(`Account ${account.accountId} has no resident`)
  }
  const resident = await getResident(
    deps.accounts.db,
    deps.accounts.tables.residents,
    account.residentId,
  )
  if (resident === null) {
    throw new Error(`Resident ${account.residentId} is missing`)
  }
  if (resident.identityHash !== identityHash) {
    return { kind: 'already_registered' }
  }
  return { kind: 'existing', profile: profileOf(resident) }
}

// A concurrent request wrote first, so read back whose registration was
// stored.
async function resolveConflict(
  deps: RegistrationDependencies,
  accountId: string,
  identityHash: string,
  conflict: { identityExists: boolean; accountRegistered: boolean },
): Promise<RegistrationResult> {
  if (conflict.accountRegistered) {
    const account = await getAccount(deps.accounts, accountId)
    if (account === null) return { kind: 'unknown_account' }
    return repeatedRegistration(deps, account, identityHash)
  }
  const identity = await deps.registrations.getIdentity(identityHash)
  if (identity === null) {
    throw new Error('An identity reported as taken is missing')
  }
  if (identity.accountId !== accountId) return { kind: 'identity_taken' }
  const account = await getAccount(deps.accounts, accountId)
  if (account === null) return { kind: 'unknown_account' }
  return repeatedRegistration(deps, account, identityHash)
}

function newResident(
  deps: RegistrationDependencies,
  input: {
    account: Account
    applicant: Applicant
    identityHash: string
    language: Language
    now: Date
  },
): Resident {
  const { applicant, account } = input
  const residentId = randomId()
  return {
    residentId,
    accountId: account.accountId,
    codeRef: randomId(),
    city: deps.rules.id,
    identityHash: input.identityHash,
    ...protectedIdentity(deps.pii, residentId, applicant),
    phoneHash: account.phoneHash,
    phoneCiphertext: deps.pii.encrypt(
      applicant.phone,
      `phone:${residentId}`,
    ),
    language: input.language,
    createdAt: input.now.toISOString(),
    declarations: [],
    version: 0,
  }
}
