import { createAuthenticate } from '../auth/session'
import { lambdaHandler, type Runtime } from '../config/runtime'
import { createHttpHandler, type HttpHandler } from '../http/handler'
import { defineRoute, ok, problem, type Reply } from '../http/types'
import { issueCode, type CodeDependencies, type CodeResult } from './service'

const RESIDENTS = { roles: ['resident'] } as const

function codeReply(result: CodeResult): Reply {
  switch (result.kind) {
    case 'ok':
      return ok(result.code)
    case 'questionnaire_required':
      return problem({ code: 'QUESTIONNAIRE_REQUIRED' })
    case 'not_registered':
      return problem({ code: 'NOT_REGISTERED' })
    case 'unknown_account':
      return problem({ code: 'AUTH_TOKEN_INVALID' })
  }
}

export function codeRoutes(deps: CodeDependencies) {
  return [
    defineRoute({
      method: 'GET',
      path: '/v1/residents/me/code',
      auth: RESIDENTS,
      body: null,
      handle: async ({ session, now }) =>
        codeReply(await issueCode(deps, { accountId: session.accountId, now })),
    }),
  ]
}

export function createCodeHandler(runtime: Runtime): HttpHandler {
  return createHttpHandler({
    routes: codeRoutes({
      rules: runtime.rules,
      accounts: { db: runtime.db, tables: runtime.tables },
      keys: runtime.keys,
    }),
    authenticate: createAuthenticate(runtime.keys, runtime.rules.id),
    clock: runtime.clock,
    logger: runtime.logger,
  })
}

export const handler = lambdaHandler(createCodeHandler)
