import { SNSClient } from '@aws-sdk/client-sns'
import {
  OtpRequest,
  Role,
  TokenRequest,
  type OtpResponse,
  type TokenResponse,
} from '@healthcode/shared'
import type { SmsConfig } from '../config/config'
import { lambdaHandler, type Runtime } from '../config/runtime'
import { createHttpHandler, type HttpHandler } from '../http/handler'
import { defineRoute, ok, problem, type Reply } from '../http/types'
import { primaryRoleOf } from '../storage/accounts'
import { createOtpRepository } from './repository'
import {
  createAuthService,
  type AuthService,
  type IssuedSession,
  type OtpRequestResult,
  type RefreshResult,
  type SignInResult,
} from './service'
import { createAuthenticate } from './session'
import { OutboxSmsSender, SnsSmsSender, type SmsSender } from './sms'

const ANY_ROLE: { roles: readonly Role[] } = { roles: Role.options }

const phoneInvalid = problem({
  code: 'PHONE_INVALID',
  errors: [{ field: 'phone', code: 'PHONE_INVALID' }],
})

function otpReply(result: OtpRequestResult): Reply {
  switch (result.kind) {
    case 'sent': {
      const body: OtpResponse = {
        expiresInSeconds: result.expiresInSeconds,
        retryAfterSeconds: result.retryAfterSeconds,
      }
      return ok(body, 202)
    }
    case 'phone_invalid':
      return phoneInvalid
    case 'rate_limited':
      return problem({
        code: 'OTP_RATE_LIMITED',
        retryAfterSeconds: result.retryAfterSeconds,
      })
  }
}

function tokenResponse(session: IssuedSession): TokenResponse {
  return {
    token: session.token,
    expiresAt: session.expiresAt.toISOString(),
    role: primaryRoleOf(session.roles),
    roles: session.roles,
    registered: session.registered,
  }
}

function refreshReply(result: RefreshResult): Reply {
  switch (result.kind) {
    case 'signed_in':
      return ok(tokenResponse(result))
    case 'unknown_account':
      return problem({ code: 'AUTH_TOKEN_INVALID' })
  }
}

function signInReply(result: SignInResult): Reply {
  switch (result.kind) {
    case 'signed_in':
      return ok(tokenResponse(result))
    case 'phone_invalid':
      return phoneInvalid
    case 'otp_invalid':
      return problem({ code: 'OTP_INVALID' })
    case 'otp_expired':
      return problem({ code: 'OTP_EXPIRED' })
    case 'otp_too_many_attempts':
      return problem({ code: 'OTP_TOO_MANY_ATTEMPTS' })
  }
}

export function authRoutes(service: AuthService) {
  return [
    defineRoute({
      method: 'POST',
      path: '/v1/auth/otp',
      auth: 'none',
      body: OtpRequest,
      handle: async ({ body, language, now }) =>
        otpReply(await service.requestOtp({ phone: body.phone, language, now })),
    }),
    defineRoute({
      method: 'POST',
      path: '/v1/auth/token',
      auth: 'none',
      body: TokenRequest,
      handle: async ({ body, now }) =>
        signInReply(
          await service.signIn({ phone: body.phone, code: body.code, now }),
        ),
    }),
    defineRoute({
      method: 'POST',
      path: '/v1/auth/refresh',
      auth: ANY_ROLE,
      body: null,
      handle: async ({ session, now }) =>
        refreshReply(
          await service.refresh({ accountId: session.accountId, now }),
        ),
    }),
  ]
}

export function createAuthHandler(runtime: Runtime, sms: SmsSender): HttpHandler {
  const service = createAuthService({
    rules: runtime.rules,
    otps: createOtpRepository(runtime.db, runtime.tables.otps),
    accounts: { db: runtime.db, tables: runtime.tables },
    pii: runtime.pii,
    sms,
    keys: runtime.keys,
    logger: runtime.logger,
  })
  return createHttpHandler({
    routes: authRoutes(service),
    authenticate: createAuthenticate(runtime.keys, runtime.rules.id),
    clock: runtime.clock,
    logger: runtime.logger,
  })
}

export function smsSenderFor(config: SmsConfig): SmsSender {
  switch (config.kind) {
    case 'outbox':
      return new OutboxSmsSender(config.file)
    case 'sns':
      return new SnsSmsSender(new SNSClient({}))
  }
}

export const handler = lambdaHandler((runtime) =>
  createAuthHandler(runtime, smsSenderFor(runtime.config.sms)),
)
