import { RegistrationRequest, type Language } from '@healthcode/shared'
import { createAuthenticate } from '../auth/session'
import { lambdaHandler, type Runtime } from '../config/runtime'
import { createHttpHandler, type HttpHandler } from '../http/handler'
import { defineRoute, ok, problem, type Reply } from '../http/types'
import { createRegistrationRepository } from './repository'
import {
  createRegistrationService,
  type ProfileResult,
  type RegistrationResult,
  type RegistrationService,
} from './service'
import { phoneMismatchText } from './texts'

const RESIDENTS = { roles: ['resident'] } as const

function registrationReply(
  result: RegistrationResult,
  language: Language,
): Reply {
  switch (result.kind) {
    case 'created':
      return ok(result.profile, 201)
    case 'existing':
      return ok(result.profile, 200)
    case 'invalid':
      return problem({ code: result.code, errors: result.errors })
    case 'phone_mismatch':
      return problem({
        code: 'VALIDATION_FAILED',
        errors: [
          {
            field: 'phone',
            code: 'phone_mismatch',
            message: phoneMismatchText(language),
          },
        ],
      })
    case 'not_eligible':
      return problem({
        code: 'NOT_ELIGIBLE',
        detail: result.reason[language],
      })
    case 'document_not_accepted':
      return problem({
        code: 'DOCUMENT_TYPE_NOT_ACCEPTED',
        errors: [{ field: 'document.type', code: 'DOCUMENT_TYPE_NOT_ACCEPTED' }],
      })
    case 'identity_taken':
      return problem({ code: 'IDENTITY_TAKEN' })
    case 'already_registered':
      return problem({ code: 'ALREADY_REGISTERED' })
    case 'unknown_account':
      return problem({ code: 'AUTH_TOKEN_INVALID' })
  }
}

function profileReply(result: ProfileResult): Reply {
  switch (result.kind) {
    case 'ok':
      return ok(result.profile)
    case 'not_registered':
      return problem({ code: 'NOT_REGISTERED' })
    case 'unknown_account':
      return problem({ code: 'AUTH_TOKEN_INVALID' })
  }
}

export function registrationRoutes(service: RegistrationService) {
  return [
    defineRoute({
      method: 'POST',
      path: '/v1/residents',
      auth: RESIDENTS,
      body: RegistrationRequest,
      handle: async ({ body, session, language, now }) =>
        registrationReply(
          await service.register({
            accountId: session.accountId,
            request: body,
            language,
            now,
          }),
          language,
        ),
    }),
    defineRoute({
      method: 'GET',
      path: '/v1/residents/me',
      auth: RESIDENTS,
      body: null,
      handle: async ({ session }) =>
        profileReply(await service.getProfile(session.accountId)),
    }),
  ]
}

export function createRegistrationHandler(runtime: Runtime): HttpHandler {
  const service = createRegistrationService({
    rules: runtime.rules,
    registrations: createRegistrationRepository(runtime.db, runtime.tables),
    accounts: { db: runtime.db, tables: runtime.tables },
    pii: runtime.pii,
    logger: runtime.logger,
  })
  return createHttpHandler({
    routes: registrationRoutes(service),
    authenticate: createAuthenticate(runtime.keys, runtime.rules.id),
    clock: runtime.clock,
    logger: runtime.logger,
  })
}

export const handler = lambdaHandler(createRegistrationHandler)
