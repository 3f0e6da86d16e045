import {
  AuditQuery,
  BulkOverrideRequest,
  CityStatsQuery,
  ImportRequest,
  OverrideRequest,
  type AuditList,
  type FlagList,
  type OverrideRequestList,
} from '@healthcode/shared/api/operators'
import { createAuditLog, type Actor } from '../audit/records'
import { createAuthenticate } from '../auth/session'
import { createCaseRepository } from '../cases/repository'
import { lambdaHandler, type Runtime } from '../config/runtime'
import { factStoreOf } from '../facts/service'
import { createHttpHandler, type HttpHandler } from '../http/handler'
import {
  binary,
  ok,
  problem,
  type Reply,
  type Route,
  type Session,
} from '../http/types'
import { validateBody } from '../http/validation'
import { operatorRoute } from './access'
import { exportCasesCsv } from './exports'
import { importTravelRecords, listFlags } from './imports'
import {
  approveBulkOverride,
  listPendingRequests,
  requestBulkOverride,
  setOverride,
  type ApproveResult,
  type OverrideResult,
} from './overrides'
import { createOperatorRepository } from './repository'
import type { OperatorServiceDependencies } from './service'
import { cityStats } from './stats'
import { readAuditTrail } from './trail'

// A CSV of travel records is far larger than the JSON bodies of other
// routes. 2 MiB is about 20,000 rows of 100 bytes, and stays below the
// request limits of API Gateway HTTP APIs (10 MB) and of a synchronous
// Lambda invocation (6 MB).
export const MAX_IMPORT_BYTES = 2 * 1024 * 1024

function operatorOf(session: Session): Actor {
  return { accountId: session.accountId, role: 'operator' }
}

function overrideReply(result: OverrideResult): Reply {
  switch (result.kind) {
    case 'ok':
      return ok(result.response)
    case 'invalid':
      return problem({ code: 'VALIDATION_FAILED', errors: result.errors })
    case 'not_found':
      return problem({
        code: 'NOT_FOUND',
        errors: [{ field: 'residentId', code: 'NOT_FOUND' }],
      })
  }
}

function approveReply(result: ApproveResult): Reply {
  switch (result.kind) {
    case 'ok':
      return ok(result.request)
    case 'not_found':
      return problem({ code: 'NOT_FOUND' })
    case 'self_approval':
      return problem({ code: 'OPERATOR_SELF_APPROVAL' })
    case 'decided':
      return problem({ code: 'OVERRIDE_REQUEST_DECIDED' })
  }
}

export function operatorRoutes(deps: OperatorServiceDependencies): Route[] {
  const { accounts } = deps
  return [
    operatorRoute(accounts, {
      method: 'POST',
      path: '/v1/overrides',
      body: OverrideRequest,
      handle: async ({ body, session, now }) =>
        overrideReply(
          await setOverride(deps, {
            operator: operatorOf(session),
            request: body,
            now,
          }),
        ),
    }),
    operatorRoute(accounts, {
      method: 'POST',
      path: '/v1/overrides/bulk',
      body: BulkOverrideRequest,
      handle: async ({ body, session, now }) => {
        const result = await requestBulkOverride(deps, {
          operator: operatorOf(session),
          request: body,
          now,
        })
        switch (result.kind) {
          case 'created':
            return ok(result.request, 201)
          case 'invalid':
            return problem({ code: 'VALIDATION_FAILED', errors: result.errors })
        }
      },
    }),
    operatorRoute(accounts, {
      method: 'GET',
      path: '/v1/override-requests',
      body: null,
      handle: async ({ session, now }) => {
        const items = await listPendingRequests(deps, {
          operator: operatorOf(session),
          now,
        })
        const body: OverrideRequestList = { items }
        return ok(body)
      },
    }),
    operatorRoute(accounts, {
      method: 'POST',
      path: '/v1/override-requests/{id}/approve',
      body: null,
      handle: async ({ params, session, now }) =>
        approveReply(
          await approveBulkOverride(deps, {
            operator: operatorOf(session),
            requestId: params.id ?? '',
            now,
          }),
        ),
    }),
    operatorRoute(accounts, {
      method: 'POST',
      path: '/v1/imports/travel-records',
      body: ImportRequest,
      bodyLimit: { bytes: MAX_IMPORT_BYTES, tooLarge: 'IMPORT_TOO_LARGE' },
      handle: async ({ body, session, now }) =>
        ok(
          await importTravelRecords(deps, {
            operator: operatorOf(session),
            csv: body.csv,
            now,
          }),
        ),
    }),
    operatorRoute(accounts, {
      method: 'GET',
      path: '/v1/flags',
      body: null,
      handle: async ({ session, now }) => {
        const items = await listFlags(deps, {
          operator: operatorOf(session),
          now,
        })
        const body: FlagList = { items }
        return ok(body)
      },
    }),
    operatorRoute(accounts, {
      method: 'GET',
      path: '/v1/exports/cases.csv',
      body: null,
      handle: async ({ session, now }) => {
        const csv = await exportCasesCsv(deps, {
          operator: operatorOf(session),
          now,
        })
        return binary(
          new TextEncoder().encode(csv),
          'text/csv; charset=utf-8',
          { 'content-disposition': 'attachment; filename="cases.csv"' },
        )
      },
    }),
    operatorRoute(accounts, {
      method: 'GET',
      path: '/v1/stats',
      body: null,
      handle: async ({ query, now }) => {
        const parsed = validateBody(CityStatsQuery, query)
        if (parsed.kind === 'invalid') {
          return problem({ code: 'VALIDATION_FAILED', errors: parsed.errors })
        }
        const result = await cityStats(deps, { ...parsed.body, now })
        switch (result.kind) {
          case 'ok':
            return ok(result.stats)
          case 'invalid':
            return problem({ code: 'VALIDATION_FAILED', errors: result.errors })
        }
      },
    }),
    operatorRoute(accounts, {
      method: 'GET',
      path: '/v1/audit',
      body: null,
      handle: async ({ query, session, now }) => {
        const parsed = validateBody(AuditQuery, query)
        if (parsed.kind === 'invalid') {
          return problem({ code: 'VALIDATION_FAILED', errors: parsed.errors })
        }
        const items = await readAuditTrail(deps, {
          operator: operatorOf(session),
          query: parsed.body,
          now,
        })
        const body: AuditList = { items }
        return ok(body)
      },
    }),
  ]
}

export function operatorDependenciesOf(
  runtime: Runtime,
): OperatorServiceDependencies {
  return {
    rules: runtime.rules,
    accounts: { db: runtime.db, tables: runtime.tables },
    pii: runtime.pii,
    operators: createOperatorRepository(runtime.db, runtime.tables),
    cases: createCaseRepository(runtime.db, runtime.tables),
    facts: factStoreOf(runtime),
    audit: createAuditLog(runtime.db, runtime.tables),
    logger: runtime.logger,
  }
}

export function createOperatorHandler(runtime: Runtime): HttpHandler {
  return createHttpHandler({
    routes: operatorRoutes(operatorDependenciesOf(runtime)),
    authenticate: createAuthenticate(runtime.keys, runtime.rules.id),
    clock: runtime.clock,
    logger: runtime.logger,
  })
}

export const handler = lambdaHandler(createOperatorHandler)
