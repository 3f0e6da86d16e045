import { BusinessRequest, Role } from '@healthcode/shared'
import { createAuthenticate } from '../auth/session'
import { lambdaHandler, type Runtime } from '../config/runtime'
import { createHttpHandler, type HttpHandler } from '../http/handler'
import { defineRoute, ok, problem, type Reply } from '../http/types'
import { createBusinessRepository } from './repository'
import {
  registerBusiness,
  type BusinessDependencies,
  type BusinessResult,
} from './service'

// Any signed-in account may register a business, because every account
// is a resident.
const ANY_ROLE: { roles: readonly Role[] } = { roles: Role.options }

function businessReply(result: BusinessResult): Reply {
  switch (result.kind) {
    case 'created':
      return ok(result.response, 201)
    case 'existing':
      return ok(result.response, 200)
    case 'credit_code_invalid':
      return problem({
        code: result.code,
        errors: [{ field: 'creditCode', code: result.code }],
      })
    case 'credit_code_taken':
      return problem({ code: 'CREDIT_CODE_TAKEN' })
    case 'already_registered':
      return problem({ code: 'BUSINESS_ALREADY_REGISTERED' })
    case 'unknown_account':
      return problem({ code: 'AUTH_TOKEN_INVALID' })
  }
}

export function businessRoutes(deps: BusinessDependencies) {
  return [
    defineRoute({
      method: 'POST',
      path: '/v1/businesses',
      auth: ANY_ROLE,
      body: BusinessRequest,
      handle: async ({ body, session, now }) =>
        businessReply(
          await registerBusiness(deps, {
            accountId: session.accountId,
            request: body,
            now,
          }),
        ),
    }),
  ]
}

export function createBusinessHandler(runtime: Runtime): HttpHandler {
  return createHttpHandler({
    routes: businessRoutes({
      businesses: createBusinessRepository(runtime.db, runtime.tables),
      accounts: { db: runtime.db, tables: runtime.tables },
      logger: runtime.logger,
    }),
    authenticate: createAuthenticate(runtime.keys, runtime.rules.id),
    clock: runtime.clock,
    logger: runtime.logger,
  })
}

export const handler = lambdaHandler(createBusinessHandler)
