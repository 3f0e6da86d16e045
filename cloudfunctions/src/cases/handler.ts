import {
  CaseRequest,
  RiskyVenueRequest,
} from '@healthcode/shared/api/operators'
import { createAuditLog } from '../audit/records'
import { createAuthenticate } from '../auth/session'
import { lambdaHandler, type Runtime } from '../config/runtime'
import { factStoreOf } from '../facts/service'
import { createHttpHandler, type HttpHandler } from '../http/handler'
import { ok, problem, type Reply, type Route } from '../http/types'
import { operatorRoute } from '../operators/access'
import { createVenueRepository } from '../venues/repository'
import {
  createLambdaClient,
  createLambdaInvoker,
  type StartMatching,
} from './invoker'
import { createCaseRepository } from './repository'
import {
  listRiskyVenue,
  reportCase,
  type CaseDependencies,
  type ReportResult,
  type RiskyVenueResult,
} from './service'

function reportReply(result: ReportResult): Reply {
  switch (result.kind) {
    case 'created':
      return ok(result.response, 201)
    case 'existing':
      return ok(result.response, 200)
    case 'invalid':
      return problem({ code: result.code, errors: result.errors })
    case 'not_registered':
      return problem({ code: 'NOT_REGISTERED' })
  }
}

function riskyVenueReply(result: RiskyVenueResult): Reply {
  switch (result.kind) {
    case 'created':
      return ok(result.response, 201)
    case 'existing':
      return ok(result.response, 200)
    case 'invalid':
      return problem({ code: 'VALIDATION_FAILED', errors: result.errors })
    case 'venue_not_found':
      return problem({
        code: 'NOT_FOUND',
        errors: [{ field: 'venueId', code: 'NOT_FOUND' }],
      })
  }
}

export function caseRoutes(deps: CaseDependencies): Route[] {
  return [
    operatorRoute(deps.accounts, {
      method: 'POST',
      path: '/v1/cases',
      body: CaseRequest,
      handle: async ({ body, session, now }) =>
        reportReply(
          await reportCase(deps, {
            operator: { accountId: session.accountId, role: 'operator' },
            request: body,
            now,
          }),
        ),
    }),
    operatorRoute(deps.accounts, {
      method: 'POST',
      path: '/v1/risky-venues',
      body: RiskyVenueRequest,
      handle: async ({ body, session, now }) =>
        riskyVenueReply(
          await listRiskyVenue(deps, {
            operator: { accountId: session.accountId, role: 'operator' },
            request: body,
            now,
          }),
        ),
    }),
  ]
}

/** Starts matching through the matcher function named in the config. */
export function lambdaMatcherOf(runtime: Runtime): StartMatching {
  const name = runtime.config.matcherFunction
  if (name === null) {
    throw new Error('MATCHER_FUNCTION is required by the cases function')
  }
  const client = createLambdaClient(runtime.config.lambdaEndpoint)
  return createLambdaInvoker(client, name)
}

export function caseDependenciesOf(
  runtime: Runtime,
  startMatching: StartMatching,
): CaseDependencies {
  return {
    rules: runtime.rules,
    pii: runtime.pii,
    accounts: { db: runtime.db, tables: runtime.tables },
    cases: createCaseRepository(runtime.db, runtime.tables),
    venues: createVenueRepository(runtime.db, runtime.tables),
    facts: factStoreOf(runtime),
    audit: createAuditLog(runtime.db, runtime.tables),
    startMatching,
    logger: runtime.logger,
  }
}

/**
 * Creates the handler of the case routes. Tests pass `startMatching` to
 * run the matcher in-process instead of through Lambda.
 */
export function createCaseHandler(
  runtime: Runtime,
  startMatching: StartMatching = lambdaMatcherOf(runtime),
): HttpHandler {
  return createHttpHandler({
    routes: caseRoutes(caseDependenciesOf(runtime, startMatching)),
    authenticate: createAuthenticate(runtime.keys, runtime.rules.id),
    clock: runtime.clock,
    logger: runtime.logger,
  })
}

export const handler = lambdaHandler((runtime) => createCaseHandler(runtime))
