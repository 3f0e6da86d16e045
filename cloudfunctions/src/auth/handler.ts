import { SNSClient } from '@aws-sdk/client-sns'
import {
  OtpRequest,
  TokenRequest,
  type OtpResponse,
  type TokenResponse,
} from '@healthcode/shared'
import type { SmsConfig } from '../config/config'
import { lambdaHandler, type Runtime } from '../config/runtime'
import { createHttpHandler, type HttpHandler } from '../http/handler'
import { defineRoute, ok, problem, type Reply } from '../http/types'
import { createOtpRepository } from './repository'
import {
  createAuthService,
  type AuthService,
  type OtpRequestResult,
  type SignInResult,
} from './service'
import { createAuthenticate } from './session'
import { OutboxSmsSender, SnsSmsSender, type SmsSender } from './sms'

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

function signInReply(result: SignInResult): Reply {
  switch (result.kind) {
    case 'signed_in': {
      const body: TokenResponse = {
        token: result.token,
        expiresAt: result.expiresAt.toISOString(),
        role: result.role,
        registered: result.registered,
      }
      return ok(body)
    }
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
