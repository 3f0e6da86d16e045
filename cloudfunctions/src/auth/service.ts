import { randomInt, timingSafeEqual } from 'node:crypto'
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb'
import {
  parsePhone,
  type CityRules,
  type Language,
  type Role,
} from '@healthcode/shared'
import type { TokenKeys } from '../config/keys'
import type { AppLogger } from '../http/handler'
import {
  findAccountIdByPhone,
  getAccount,
  putNewAccount,
  rolesOf,
  type Account,
  type AccountStore,
} from '../storage/accounts'
import type { PiiProtector } from '../storage/pii'
import type { OtpRepository } from './repository'
import { issueSessionToken, randomId } from './session'
import type { SmsSender } from './sms'
import { otpMessage } from './texts'
import { decideSend } from './throttle'

const CODE_DIGITS = 6
const HOUR_MS = 3_600_000

export type AuthService = {
  requestOtp(input: {
    phone: string
    language: Language
    now: Date
  }): Promise<OtpRequestResult>
  signIn(input: { phone: string; code: string; now: Date }): Promise<SignInResult>
  // Issues a new session with the account's current roles.
  refresh(input: { accountId: string; now: Date }): Promise<RefreshResult>
}

export type IssuedSession = {
  token: string
  expiresAt: Date
  roles: Role[]
  registered: boolean
}

export type RefreshResult =
  | ({ kind: 'signed_in' } & IssuedSession)
  | { kind: 'unknown_account' }

export type OtpRequestResult =
  | { kind: 'sent'; expiresInSeconds: number; retryAfterSeconds: number }
  | { kind: 'phone_invalid' }
  | { kind: 'rate_limited'; retryAfterSeconds: number }

export type SignInResult =
  | ({ kind: 'signed_in' } & IssuedSession)
  | { kind: 'phone_invalid' }
  | { kind: 'otp_invalid' }
  | { kind: 'otp_expired' }
  | { kind: 'otp_too_many_attempts' }

export type AuthDependencies = {
  rules: CityRules
  otps: OtpRepository
  accounts: AccountStore
  pii: PiiProtector
  sms: SmsSender
  keys: TokenKeys
  logger: AppLogger
}

export function createAuthService(deps: AuthDependencies): AuthService {
  return {
    requestOtp: (input) => requestOtp(deps, input),
    signIn: (input) => signIn(deps, input),
    refresh: async (input) => {
      const account = await getAccount(deps.accounts, input.accountId)
      if (account === null) return { kind: 'unknown_account' }
      return { kind: 'signed_in', ...issueSession(deps, account, input.now) }
    },
  }
}

function issueSession(
  deps: AuthDependencies,
  account: Account,
  now: Date,
): IssuedSession {
  const roles = rolesOf(account)
  const session = issueSessionToken({
    keys: deps.keys,
    city: deps.rules.id,
    accountId: account.accountId,
    roles,
    hours: deps.rules.session.hours,
    now,
  })
  return {
    token: session.token,
    expiresAt: session.expiresAt,
    roles,
    registered: account.residentId !== undefined,
  }
}

function newCode(): string {
  return String(randomInt(0, 10 ** CODE_DIGITS)).padStart(CODE_DIGITS, '0')
}

// The hash binds the code to the phone, so a stored hash is useless for
// any other phone.
function codeHashOf(pii: PiiProtector, phoneHash: string, code: string) {
  return pii.hash('otp', `${phoneHash}:${code}`)
}

async function requestOtp(
  deps: AuthDependencies,
  input: { phone: string; language: Language; now: Date },
): Promise<OtpRequestResult> {
  const phone = parsePhone(input.phone)
  if (phone.kind === 'invalid') return { kind: 'phone_invalid' }
  const phoneHash = deps.pii.hash('phone', phone.phone)
  const otp = deps.rules.otp

  const history = await deps.otps.getSendHistory(phoneHash)
  const decision = decideSend(history?.sentAt ?? [], otp, input.now)
  if (decision.kind === 'limited') {
    return {
      kind: 'rate_limited',
      retryAfterSeconds: decision.retryAfterSeconds,
    }
  }
  const saved = await deps.otps.saveSendHistory(
    phoneHash,
    decision.sentAt,
    history,
    new Date(input.now.getTime() + HOUR_MS),
  )
  // Another request for this phone sent a code since the history was
  // read, so this one counts as a resend within the throttle window.
  if (saved === 'conflict') {
    return { kind: 'rate_limited', retryAfterSeconds: otp.resendSeconds }
  }

  const code = newCode()
  await deps.otps.putCode(phoneHash, {
    codeHash: codeHashOf(deps.pii, phoneHash, code),
    expiresAt: input.now.getTime() + otp.seconds * 1000,
    attempts: 0,
  })
  await deps.sms.send(
    { to: phone.phone, text: otpMessage(code, otp.seconds, input.language) },
    input.now,
  )
  return {
    kind: 'sent',
    expiresInSeconds: otp.seconds,
    retryAfterSeconds: otp.resendSeconds,
  }
}

// Full-width digits and spaces, as some keyboards type them, are accepted.
function normalizeCode(raw: string): string | null {
  const code = raw.normalize('NFKC').replace(/\s/g, '')
  return new RegExp(`^\\d{${CODE_DIGITS}}$`).test(code) ? code : null
}

function hashesEqual(a: string, b: string): boolean {
  const left = Buffer.from(a, 'utf8')
  const right = Buffer.from(b, 'utf8')
  return left.length === right.length && timingSafeEqual(left, right)
}

async function signIn(
  deps: AuthDependencies,
  input: { phone: string; code: string; now: Date },
): Promise<SignInResult> {
  const phone = parsePhone(input.phone)
  if (phone.kind === 'invalid') return { kind: 'phone_invalid' }
  const phoneHash = deps.pii.hash('phone', phone.phone)
  const maxAttempts = deps.rules.otp.maxAttempts

  const stored = await deps.otps.getCode(phoneHash)
  if (stored === null) return { kind: 'otp_invalid' }
  if (stored.attempts >= maxAttempts) return { kind: 'otp_too_many_attempts' }
  if (stored.expiresAt <= input.now.getTime()) return { kind: 'otp_expired' }

  const code = normalizeCode(input.code)
  const candidate = codeHashOf(deps.pii, phoneHash, code ?? '')
  if (code === null || !hashesEqual(candidate, stored.codeHash)) {
    const attempts = await deps.otps.countFailedAttempt(
      phoneHash,
      stored.codeHash,
      maxAttempts,
    )
    // A prefix of the keyed phone hash lets operators connect repeated
    // guesses without logging the phone.
    const phoneRef = phoneHash.slice(0, 12)
    // null: the code was replaced, used or voided meanwhile.
    if (attempts === null || attempts < maxAttempts) {
      deps.logger.warn('One-time password rejected', { phoneRef, attempts })
      return { kind: 'otp_invalid' }
    }
    deps.logger.warn('One-time password voided after too many attempts', {
      phoneRef,
      attempts,
    })
    return { kind: 'otp_too_many_attempts' }
  }

  const consumed = await deps.otps.consumeCode(
    phoneHash,
    stored.codeHash,
    maxAttempts,
    input.now,
  )
  if (!consumed) return { kind: 'otp_invalid' }

  const account = await findOrCreateAccount(deps, phoneHash, input.now)
  deps.logger.info('Signed in', { accountId: account.accountId })
  return { kind: 'signed_in', ...issueSession(deps, account, input.now) }
}

async function findOrCreateAccount(
  deps: AuthDependencies,
  phoneHash: string,
  now: Date,
): Promise<Account> {
  const existing = await findExistingAccount(deps, phoneHash)
  if (existing !== null) return existing
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
    // A concurrent first sign-in of the same phone created the account.
    const raced = await findExistingAccount(deps, phoneHash)
    if (raced === null) throw error
    return raced
  }
  deps.logger.info('Account created', { accountId: account.accountId })
  return account
}

async function findExistingAccount(
  deps: AuthDependencies,
  phoneHash: string,
): Promise<Account | null> {
  const accountId = await findAccountIdByPhone(deps.accounts, phoneHash)
  if (accountId === null) return null
  const account = await getAccount(deps.accounts, accountId)
  if (account === null) {
    throw new Error(`Account ${accountId} of a phone item is missing`)
  }
  return account
}
