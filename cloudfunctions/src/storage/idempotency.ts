import {
  IdempotencyAlreadyInProgressError,
  IdempotencyConfig,
  IdempotencyValidationError,
  makeIdempotent,
} from '@aws-lambda-powertools/idempotency'
import {
  DynamoDBPersistenceLayer,
} from '@aws-lambda-powertools/idempotency/dynamodb'
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb'
import { IdempotencyKey } from '@healthcode/shared'
import type { Context } from 'aws-lambda'

// Idempotency-Key handling with the Powertools for AWS Lambda idempotency
// utility and its DynamoDB persistence layer. The first request with a key
// runs and stores its result. A retry with the same key and body gets the
// stored result without running again.

// The functions' timeout in serverless.yml. A request that dies midway
// leaves its key "in progress" for this long, then a retry runs again.
const IN_PROGRESS_MILLIS = 10_000

export type IdempotentRequest = {
  accountId: string
  // The Idempotency-Key header.
  key: string
  // The parsed request body, which a retry must repeat.
  body: unknown
}

export type IdempotentResult<T> =
  | { kind: 'ok'; value: T }
  // The key was used before with a different body.
  | { kind: 'reused' }
  // A request with the key is running right now.
  | { kind: 'in_progress' }

export type IdempotentRunner = <T>(
  request: IdempotentRequest,
  work: () => Promise<T>,
) => Promise<IdempotentResult<T>>

/**
 * Creates a runner whose results, keyed by account and Idempotency-Key,
 * are kept for `expiresAfterSeconds`. `work` must return JSON data,
 * because a replay returns the stored JSON. Keys of different accounts
 * never collide, and `scope` keeps those of different routes apart.
 */
export function createIdempotentRunner(options: {
  client: DynamoDBClient
  tableName: string
  scope: string
  expiresAfterSeconds: number
}): IdempotentRunner {
  const config = new IdempotencyConfig({
    eventKeyJmesPath: '[accountId, key]',
    payloadValidationJmesPath: 'body',
    throwOnNoIdempotencyKey: true,
    expiresAfterSeconds: options.expiresAfterSeconds,
  })
  // Not a Lambda handler, so the utility gets the remaining time from this
  // stand-in for the Lambda context.
  config.registerLambdaContext({
    getRemainingTimeInMillis: () => IN_PROGRESS_MILLIS,
  } as Context)
  const run = makeIdempotent(
    (_request: IdempotentRequest, work: () => Promise<unknown>) => work(),
    {
      persistenceStore: new DynamoDBPersistenceLayer({
        tableName: options.tableName,
        awsSdkV3Client: options.client,
      }),
      config,
      keyPrefix: options.scope,
      dataIndexArgument: 0,
    },
  )
  return async <T>(request: IdempotentRequest, work: () => Promise<T>) => {
    try {
      return { kind: 'ok', value: (await run(request, work)) as T }
    } catch (error) {
      if (error instanceof IdempotencyValidationError) return { kind: 'reused' }
      if (error instanceof IdempotencyAlreadyInProgressError) {
        return { kind: 'in_progress' }
      }
      throw error
    }
  }
}

export type IdempotencyKeyHeader =
  | { kind: 'ok'; key: string | null }
  | { kind: 'invalid' }

/** Reads the optional Idempotency-Key header from lower-cased headers. */
export function idempotencyKeyOf(
  headers: Readonly<Record<string, string>>,
): IdempotencyKeyHeader {
  const value = headers['idempotency-key']
  if (value === undefined) return { kind: 'ok', key: null }
  const parsed = IdempotencyKey.safeParse(value)
  return parsed.success ? { kind: 'ok', key: parsed.data } : { kind: 'invalid' }
}
