import {
  ManualCheckinRequest,
  RedemptionsRequest,
  VerifyRequest,
  type RedemptionsResponse,
} from '@healthcode/shared'
import { createAuthenticate } from '../auth/session'
import { createCheckinRepository } from '../checkins/repository'
import { lambdaHandler, type Runtime } from '../config/runtime'
import { createHttpHandler, type HttpHandler } from '../http/handler'
import { defineRoute, ok, problem, type Reply } from '../http/types'
import { createDynamoDbClient } from '../storage/dynamo'
import {
  createIdempotentRunner,
  idempotencyKeyOf,
} from '../storage/idempotency'
import { createVenueRepository } from '../venues/repository'
import { manualCheckin, type ManualResult } from './manual'
import { redeemOffline } from './offline'
import type { CheckpointDependencies } from './outcome'
import { createCheckpointRepository } from './repository'
import { verify, type VerifyResult } from './verify'

const GUARDS = { roles: ['guard'] } as const

const temperatureRequired = problem({
  code: 'TEMPERATURE_REQUIRED',
  errors: [{ field: 'temperature', code: 'TEMPERATURE_REQUIRED' }],
})

function verifyReply(result: VerifyResult): Reply {
  switch (result.kind) {
    case 'ok':
      return ok(result.response)
    case 'not_found':
      return problem({ code: 'NOT_FOUND' })
    case 'temperature_required':
      return temperatureRequired
    case 'idempotency_key_reused':
      return problem({ code: 'IDEMPOTENCY_KEY_REUSED' })
    case 'idempotency_in_progress':
      return problem({ code: 'IDEMPOTENCY_IN_PROGRESS', retryAfterSeconds: 1 })
  }
}

function manualReply(result: ManualResult): Reply {
  switch (result.kind) {
    case 'ok':
      return ok(result.response)
    case 'not_found':
      return problem({ code: 'NOT_FOUND' })
    case 'temperature_required':
      return temperatureRequired
    case 'document_invalid':
      return problem({ code: result.code, errors: result.errors })
  }
}

export function checkpointRoutes(deps: CheckpointDependencies) {
  return [
    defineRoute({
      method: 'POST',
      path: '/v1/checkpoint/verify',
      auth: GUARDS,
      body: VerifyRequest,
      handle: async ({ body, headers, session, language, now }) => {
        const key = idempotencyKeyOf(headers)
        if (key.kind === 'invalid') {
          return problem({ code: 'IDEMPOTENCY_KEY_INVALID' })
        }
        return verifyReply(
          await verify(deps, {
            accountId: session.accountId,
            request: body,
            idempotencyKey: key.key,
            language,
            now,
          }),
        )
      },
    }),
    defineRoute({
      method: 'POST',
      path: '/v1/checkpoint/manual',
      auth: GUARDS,
      body: ManualCheckinRequest,
      handle: async ({ body, session, language, now }) =>
        manualReply(
          await manualCheckin(deps, {
            accountId: session.accountId,
            request: body,
            language,
            now,
          }),
        ),
    }),
    defineRoute({
      method: 'POST',
      path: '/v1/checkpoint/redemptions',
      auth: GUARDS,
      body: RedemptionsRequest,
      handle: async ({ body, session, now }) => {
        const response: RedemptionsResponse = {
          results: await redeemOffline(deps, {
            accountId: session.accountId,
            items: body.items,
            now,
          }),
        }
        return ok(response)
      },
    }),
  ]
}

export function createCheckpointHandler(runtime: Runtime): HttpHandler {
  const deps: CheckpointDependencies = {
    rules: runtime.rules,
    keys: runtime.keys,
    venues: createVenueRepository(runtime.db, runtime.tables),
    accounts: { db: runtime.db, tables: runtime.tables },
    checkpoint: createCheckpointRepository(runtime.db, runtime.tables),
    checkins: createCheckinRepository(runtime.db, runtime.tables),
    pii: runtime.pii,
    logger: runtime.logger,
    idempotency: createIdempotentRunner({
      client: createDynamoDbClient(runtime.config.dynamoDbEndpoint),
      tableName: runtime.tables.idempotency,
      scope: 'checkpoint-verify',
      expiresAfterSeconds: runtime.rules.checkin.passSeconds,
    }),
  }
  return createHttpHandler({
    routes: checkpointRoutes(deps),
    authenticate: createAuthenticate(runtime.keys, runtime.rules.id),
    clock: runtime.clock,
    logger: runtime.logger,
  })
}

export const handler = lambdaHandler(createCheckpointHandler)
