import { CheckinRequest, type CheckinHistory } from '@healthcode/shared'
import { createAuthenticate } from '../auth/session'
import { lambdaHandler, type Runtime } from '../config/runtime'
import { createHttpHandler, type HttpHandler } from '../http/handler'
import { defineRoute, ok, problem, type Reply } from '../http/types'
import { createDynamoDbClient } from '../storage/dynamo'
import {
  createIdempotentRunner,
  idempotencyKeyOf,
} from '../storage/idempotency'
import { venueCodeConfigOf } from '../venues/codes'
import { createVenueRepository } from '../venues/repository'
import { createCheckinRepository } from './repository'
import {
  checkIn,
  checkinHistory,
  getCheckin,
  type CheckinDependencies,
  type CheckinResult,
  type CheckInResult,
  type HistoryResult,
} from './service'

const RESIDENTS = { roles: ['resident'] } as const

function checkInReply(result: CheckInResult): Reply {
  switch (result.kind) {
    case 'ok':
      return ok(result.response, result.status)
    case 'venue_code_invalid':
      return problem({ code: 'VENUE_CODE_INVALID' })
    case 'venue_code_rotated':
      return problem({ code: 'VENUE_CODE_ROTATED' })
    case 'not_registered':
      return problem({ code: 'NOT_REGISTERED' })
    case 'questionnaire_required':
      return problem({ code: 'QUESTIONNAIRE_REQUIRED' })
    case 'unknown_account':
      return problem({ code: 'AUTH_TOKEN_INVALID' })
    case 'idempotency_key_reused':
      return problem({ code: 'IDEMPOTENCY_KEY_REUSED' })
    case 'idempotency_in_progress':
      return problem({ code: 'IDEMPOTENCY_IN_PROGRESS', retryAfterSeconds: 1 })
  }
}

function historyReply(result: HistoryResult): Reply {
  switch (result.kind) {
    case 'ok': {
      const body: CheckinHistory = { items: result.items }
      return ok(body)
    }
    case 'not_registered':
      return problem({ code: 'NOT_REGISTERED' })
    case 'unknown_account':
      return problem({ code: 'AUTH_TOKEN_INVALID' })
  }
}

function checkinReply(result: CheckinResult): Reply {
  switch (result.kind) {
    case 'ok':
      return ok(result.checkin)
    case 'not_found':
      return problem({ code: 'NOT_FOUND' })
    case 'unknown_account':
      return problem({ code: 'AUTH_TOKEN_INVALID' })
  }
}

export function checkinRoutes(deps: CheckinDependencies) {
  return [
    defineRoute({
      method: 'POST',
      path: '/v1/checkins',
      auth: RESIDENTS,
      body: CheckinRequest,
      handle: async ({ body, headers, session, now }) => {
        const key = idempotencyKeyOf(headers)
        if (key.kind === 'invalid') {
          return problem({ code: 'IDEMPOTENCY_KEY_INVALID' })
        }
        return checkInReply(
          await checkIn(deps, {
            accountId: session.accountId,
            request: body,
            idempotencyKey: key.key,
            now,
          }),
        )
      },
    }),
    defineRoute({
      method: 'GET',
      path: '/v1/residents/me/checkins',
      auth: RESIDENTS,
      body: null,
      handle: async ({ session, now }) =>
        historyReply(
          await checkinHistory(deps, { accountId: session.accountId, now }),
        ),
    }),
    defineRoute({
      method: 'GET',
      path: '/v1/checkins/{id}',
      auth: RESIDENTS,
      body: null,
      handle: async ({ params, session, now }) =>
        checkinReply(
          await getCheckin(deps, {
            accountId: session.accountId,
            checkinId: params.id ?? '',
            now,
          }),
        ),
    }),
  ]
}

export function createCheckinHandler(runtime: Runtime): HttpHandler {
  const deps: CheckinDependencies = {
    rules: runtime.rules,
    checkins: createCheckinRepository(runtime.db, runtime.tables),
    accounts: { db: runtime.db, tables: runtime.tables },
    venues: createVenueRepository(runtime.db, runtime.tables),
    codes: venueCodeConfigOf(runtime),
    keys: runtime.keys,
    logger: runtime.logger,
    idempotency: createIdempotentRunner({
      client: createDynamoDbClient(runtime.config.dynamoDbEndpoint),
      tableName: runtime.tables.idempotency,
      scope: 'checkins',
      // A retry within the pass's lifetime gets the same pass. A later one
      // runs again and gets the same check-in with a new pass.
      expiresAfterSeconds: runtime.rules.checkin.passSeconds,
    }),
  }
  return createHttpHandler({
    routes: checkinRoutes(deps),
    authenticate: createAuthenticate(runtime.keys, runtime.rules.id),
    clock: runtime.clock,
    logger: runtime.logger,
  })
}

export const handler = lambdaHandler(createCheckinHandler)
