import { QuestionnaireRequest, questionnaireView } from '@healthcode/shared'
import { createAppealRepository } from '../appeals/repository'
import { createAuthenticate } from '../auth/session'
import { lambdaHandler, type Runtime } from '../config/runtime'
import { createHttpHandler, type HttpHandler } from '../http/handler'
import { defineRoute, ok, problem, type Reply } from '../http/types'
import type { CityRules } from '@healthcode/shared'
import { createRatingRepository } from './repository'
import {
  createRatingService,
  type DeclarationResult,
  type RatingService,
  type StatusResult,
} from './service'

const RESIDENTS = { roles: ['resident'] } as const

function statusReply(result: StatusResult | DeclarationResult): Reply {
  switch (result.kind) {
    case 'ok':
      return ok(result.status)
    case 'invalid':
      return problem({ code: 'QUESTIONNAIRE_INVALID', errors: result.errors })
    case 'not_registered':
      return problem({ code: 'NOT_REGISTERED' })
    case 'unknown_account':
      return problem({ code: 'AUTH_TOKEN_INVALID' })
  }
}

export function ratingRoutes(rules: CityRules, service: RatingService) {
  return [
    defineRoute({
      method: 'GET',
      path: '/v1/questionnaire',
      auth: 'none',
      body: null,
      handle: async ({ language }) => ok(questionnaireView(rules, language)),
    }),
    defineRoute({
      method: 'POST',
      path: '/v1/residents/me/questionnaire',
      auth: RESIDENTS,
      body: QuestionnaireRequest,
      handle: async ({ body, session, language, now }) =>
        statusReply(
          await service.declare({
            accountId: session.accountId,
            role: session.role,
            answers: body.answers,
            language,
            now,
          }),
        ),
    }),
    defineRoute({
      method: 'GET',
      path: '/v1/residents/me/status',
      auth: RESIDENTS,
      body: null,
      handle: async ({ session, language, now }) =>
        statusReply(
          await service.status({ accountId: session.accountId, language, now }),
        ),
    }),
  ]
}

export function createRatingHandler(runtime: Runtime): HttpHandler {
  const service = createRatingService({
    rules: runtime.rules,
    ratings: createRatingRepository(runtime.db, runtime.tables),
    accounts: { db: runtime.db, tables: runtime.tables },
    logger: runtime.logger,
    appeals: createAppealRepository(runtime.db, runtime.tables),
  })
  return createHttpHandler({
    routes: ratingRoutes(runtime.rules, service),
    authenticate: createAuthenticate(runtime.keys, runtime.rules.id),
    clock: runtime.clock,
    logger: runtime.logger,
  })
}

export const handler = lambdaHandler(createRatingHandler)
