import {
  DependentLinkRequest,
  DependentRequest,
  HouseholdInviteRequest,
  QuestionnaireRequest,
  type Language,
} from '@healthcode/shared'
import { createAppealRepository } from '../appeals/repository'
import { createAuthenticate } from '../auth/session'
import { lambdaHandler, type Runtime } from '../config/runtime'
import { createHttpHandler, type HttpHandler } from '../http/handler'
import { defineRoute, ok, problem, type Reply } from '../http/types'
import { createRatingRepository } from '../rating/repository'
import type { HouseholdDependencies } from './deps'
import {
  linkDependent,
  listDependents,
  registerDependent,
  type DependentListResult,
  type DependentResult,
  type LinkResult,
} from './dependents'
import {
  declareForDependent,
  dependentCode,
  type DependentCodeResult,
  type DependentDeclarationResult,
} from './guardianship'
import {
  acceptInvitation,
  getHousehold,
  invite,
  type AcceptResult,
  type InviteResult,
} from './members'
import { createHouseholdRepository } from './repository'
import { ownPhoneText } from './texts'

const RESIDENTS = { roles: ['resident'] } as const

function dependentReply(
  result: DependentResult | LinkResult,
  language: Language,
): Reply {
  switch (result.kind) {
    case 'ok':
      return ok(result.dependent, result.created ? 201 : 200)
    case 'invalid':
      return problem({ code: result.code, errors: result.errors })
    case 'not_eligible':
      return problem({ code: 'NOT_ELIGIBLE', detail: result.reason[language] })
    case 'document_not_accepted':
      return problem({
        code: 'DOCUMENT_TYPE_NOT_ACCEPTED',
        errors: [
          { field: 'document.type', code: 'DOCUMENT_TYPE_NOT_ACCEPTED' },
        ],
      })
    case 'limit_reached':
      return problem({ code: 'DEPENDENT_LIMIT_REACHED' })
    case 'registered_elsewhere':
      return problem({ code: 'DEPENDENT_ALREADY_REGISTERED' })
    case 'has_own_account':
      return problem({ code: 'DEPENDENT_HAS_OWN_ACCOUNT' })
    case 'household_full':
      return problem({ code: 'HOUSEHOLD_FULL' })
    case 'rate_limited':
      return problem({
        code: 'DEPENDENT_LINK_RATE_LIMITED',
        retryAfterSeconds: result.retryAfterSeconds,
      })
    case 'not_found':
      return problem({ code: 'NOT_FOUND' })
    case 'not_registered':
      return problem({ code: 'NOT_REGISTERED' })
    case 'unknown_account':
      return problem({ code: 'AUTH_TOKEN_INVALID' })
  }
}

function listReply(result: DependentListResult): Reply {
  switch (result.kind) {
    case 'ok':
      return ok(result.list)
    case 'not_registered':
      return problem({ code: 'NOT_REGISTERED' })
    case 'unknown_account':
      return problem({ code: 'AUTH_TOKEN_INVALID' })
  }
}

function codeReply(result: DependentCodeResult): Reply {
  switch (result.kind) {
    case 'ok':
      return ok(result.code)
    case 'questionnaire_required':
      return problem({ code: 'QUESTIONNAIRE_REQUIRED' })
    case 'not_found':
      return problem({ code: 'NOT_FOUND' })
    case 'not_registered':
      return problem({ code: 'NOT_REGISTERED' })
    case 'unknown_account':
      return problem({ code: 'AUTH_TOKEN_INVALID' })
  }
}

function declarationReply(result: DependentDeclarationResult): Reply {
  switch (result.kind) {
    case 'ok':
      return ok(result.status)
    case 'invalid':
      return problem({ code: 'QUESTIONNAIRE_INVALID', errors: result.errors })
    case 'not_found':
      return problem({ code: 'NOT_FOUND' })
    case 'not_registered':
      return problem({ code: 'NOT_REGISTERED' })
    case 'unknown_account':
      return problem({ code: 'AUTH_TOKEN_INVALID' })
  }
}

function inviteReply(result: InviteResult, language: Language): Reply {
  switch (result.kind) {
    case 'ok':
      return ok(result.invitation, 202)
    case 'phone_invalid':
      return problem({
        code: 'PHONE_INVALID',
        errors: [{ field: 'phone', code: 'PHONE_INVALID' }],
      })
    case 'own_phone':
      return problem({
        code: 'VALIDATION_FAILED',
        errors: [
          {
            field: 'phone',
            code: 'own_phone',
            message: ownPhoneText(language),
          },
        ],
      })
    case 'not_registered':
      return problem({ code: 'NOT_REGISTERED' })
    case 'unknown_account':
      return problem({ code: 'AUTH_TOKEN_INVALID' })
  }
}

function householdReply(result: AcceptResult): Reply {
  switch (result.kind) {
    case 'ok':
      return ok(result.household)
    case 'not_found':
      return problem({ code: 'NOT_FOUND' })
    case 'household_full':
      return problem({ code: 'HOUSEHOLD_FULL' })
    case 'not_registered':
      return problem({ code: 'NOT_REGISTERED' })
    case 'unknown_account':
      return problem({ code: 'AUTH_TOKEN_INVALID' })
  }
}

export function householdRoutes(deps: HouseholdDependencies) {
  return [
    defineRoute({
      method: 'POST',
      path: '/v1/residents/me/dependents',
      auth: RESIDENTS,
      body: DependentRequest,
      handle: async ({ body, session, language, now }) =>
        dependentReply(
          await registerDependent(deps, {
            accountId: session.accountId,
            request: body,
            language,
            now,
          }),
          language,
        ),
    }),
    defineRoute({
      method: 'POST',
      path: '/v1/residents/me/dependents/link',
      auth: RESIDENTS,
      body: DependentLinkRequest,
      handle: async ({ body, session, language, now }) =>
        dependentReply(
          await linkDependent(deps, {
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
      path: '/v1/residents/me/dependents',
      auth: RESIDENTS,
      body: null,
      handle: async ({ session, language, now }) =>
        listReply(
          await listDependents(deps, {
            accountId: session.accountId,
            language,
            now,
          }),
        ),
    }),
    defineRoute({
      method: 'GET',
      path: '/v1/residents/me/dependents/{id}/code',
      auth: RESIDENTS,
      body: null,
      handle: async ({ params, session, now }) =>
        codeReply(
          await dependentCode(deps, {
            accountId: session.accountId,
            dependentId: params.id ?? '',
            now,
          }),
        ),
    }),
    defineRoute({
      method: 'POST',
      path: '/v1/residents/me/dependents/{id}/questionnaire',
      auth: RESIDENTS,
      body: QuestionnaireRequest,
      handle: async ({ params, body, session, language, now }) =>
        declarationReply(
          await declareForDependent(deps, {
            accountId: session.accountId,
            dependentId: params.id ?? '',
            answers: body.answers,
            language,
            now,
          }),
        ),
    }),
    defineRoute({
      method: 'GET',
      path: '/v1/residents/me/household',
      auth: RESIDENTS,
      body: null,
      handle: async ({ session, language, now }) =>
        householdReply(
          await getHousehold(deps, {
            accountId: session.accountId,
            language,
            now,
          }),
        ),
    }),
    defineRoute({
      method: 'POST',
      path: '/v1/residents/me/household',
      auth: RESIDENTS,
      body: HouseholdInviteRequest,
      handle: async ({ body, session, language, now }) =>
        inviteReply(
          await invite(deps, {
            accountId: session.accountId,
            phone: body.phone,
            now,
          }),
          language,
        ),
    }),
    defineRoute({
      method: 'POST',
      path: '/v1/residents/me/household/accept',
      auth: RESIDENTS,
      body: null,
      handle: async ({ session, language, now }) =>
        householdReply(
          await acceptInvitation(deps, {
            accountId: session.accountId,
            language,
            now,
          }),
        ),
    }),
  ]
}

export function householdDependencies(
  runtime: Runtime,
): HouseholdDependencies {
  return {
    rules: runtime.rules,
    households: createHouseholdRepository(runtime.db, runtime.tables),
    accounts: { db: runtime.db, tables: runtime.tables },
    pii: runtime.pii,
    ratings: createRatingRepository(runtime.db, runtime.tables),
    appeals: createAppealRepository(runtime.db, runtime.tables),
    keys: runtime.keys,
    logger: runtime.logger,
  }
}

export function createHouseholdHandler(runtime: Runtime): HttpHandler {
  return createHttpHandler({
    routes: householdRoutes(householdDependencies(runtime)),
    authenticate: createAuthenticate(runtime.keys, runtime.rules.id),
    clock: runtime.clock,
    logger: runtime.logger,
  })
}

export const handler = lambdaHandler(createHouseholdHandler)
