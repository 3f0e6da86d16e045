import {
  AppealDecisionRequest,
  AppealRequest,
  AppealsQuery,
} from '@healthcode/shared'
import { createAuthenticate } from '../auth/session'
import { lambdaHandler, type Runtime } from '../config/runtime'
import { factStoreOf } from '../facts/service'
import { createHouseholdRepository } from '../households/repository'
import { createHttpHandler, type HttpHandler } from '../http/handler'
import { defineRoute, ok, problem, type Reply } from '../http/types'
import { validateBody } from '../http/validation'
import { createAppealRepository } from './repository'
import {
  decideAppeal,
  fileAppeal,
  listAppeals,
  listOwnAppeals,
  type AppealDependencies,
  type DecideResult,
  type FileResult,
  type ListResult,
  type OperatorListResult,
} from './service'

const RESIDENTS = { roles: ['resident'] } as const
const OPERATORS = { roles: ['operator'] } as const

function fileReply(result: FileResult): Reply {
  switch (result.kind) {
    case 'filed':
      return ok(result.appeal, 201)
    case 'invalid':
      return problem({ code: 'VALIDATION_FAILED', errors: result.errors })
    case 'nothing_to_appeal':
      return problem({ code: 'APPEAL_NOTHING_TO_APPEAL' })
    case 'pending_exists':
      return problem({ code: 'APPEAL_PENDING' })
    case 'not_found':
      return problem({ code: 'NOT_FOUND' })
    case 'not_registered':
      return problem({ code: 'NOT_REGISTERED' })
    case 'unknown_account':
      return problem({ code: 'AUTH_TOKEN_INVALID' })
  }
}

function listReply(result: ListResult): Reply {
  switch (result.kind) {
    case 'ok':
      return ok(result.list)
    case 'not_registered':
      return problem({ code: 'NOT_REGISTERED' })
    case 'unknown_account':
      return problem({ code: 'AUTH_TOKEN_INVALID' })
  }
}

function operatorListReply(result: OperatorListResult): Reply {
  switch (result.kind) {
    case 'ok':
      return ok(result.list)
    case 'invalid':
      return problem({ code: 'VALIDATION_FAILED', errors: result.errors })
  }
}

function decideReply(result: DecideResult): Reply {
  switch (result.kind) {
    case 'decided':
      return ok(result.appeal)
    case 'invalid':
      return problem({ code: 'VALIDATION_FAILED', errors: result.errors })
    case 'already_decided':
      return problem({ code: 'APPEAL_ALREADY_DECIDED' })
    case 'not_found':
      return problem({ code: 'NOT_FOUND' })
  }
}

export function appealRoutes(deps: AppealDependencies) {
  return [
    defineRoute({
      method: 'POST',
      path: '/v1/residents/me/appeals',
      auth: RESIDENTS,
      body: AppealRequest,
      handle: async ({ body, session, language, now }) =>
        fileReply(
          await fileAppeal(deps, {
            accountId: session.accountId,
            request: body,
            language,
            now,
          }),
        ),
    }),
    defineRoute({
      method: 'GET',
      path: '/v1/residents/me/appeals',
      auth: RESIDENTS,
      body: null,
      handle: async ({ session, language }) =>
        listReply(
          await listOwnAppeals(deps, {
            accountId: session.accountId,
            language,
          }),
        ),
    }),
    defineRoute({
      method: 'GET',
      path: '/v1/appeals',
      auth: OPERATORS,
      body: null,
      handle: async ({ query, session, language, now }) => {
        const parsed = validateBody(AppealsQuery, query)
        if (parsed.kind === 'invalid') {
          return problem({ code: 'VALIDATION_FAILED', errors: parsed.errors })
        }
        return operatorListReply(
          await listAppeals(deps, {
            accountId: session.accountId,
            status: parsed.body.status,
            cursor: parsed.body.cursor,
            language,
            now,
          }),
        )
      },
    }),
    defineRoute({
      method: 'POST',
      path: '/v1/appeals/{id}/decision',
      auth: OPERATORS,
      body: AppealDecisionRequest,
      handle: async ({ params, body, session, language, now }) =>
        decideReply(
          await decideAppeal(deps, {
            accountId: session.accountId,
            appealId: params.id ?? '',
            request: body,
            language,
            now,
          }),
        ),
    }),
  ]
}

export function appealDependencies(runtime: Runtime): AppealDependencies {
  return {
    rules: runtime.rules,
    appeals: createAppealRepository(runtime.db, runtime.tables),
    households: createHouseholdRepository(runtime.db, runtime.tables),
    accounts: { db: runtime.db, tables: runtime.tables },
    facts: factStoreOf(runtime),
    pii: runtime.pii,
    logger: runtime.logger,
  }
}

export function createAppealHandler(runtime: Runtime): HttpHandler {
  return createHttpHandler({
    routes: appealRoutes(appealDependencies(runtime)),
    authenticate: createAuthenticate(runtime.keys, runtime.rules.id),
    clock: runtime.clock,
    logger: runtime.logger,
  })
}

export const handler = lambdaHandler(createAppealHandler)
