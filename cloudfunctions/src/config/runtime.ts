import { Logger } from '@aws-lambda-powertools/logger'
import { SSMClient } from '@aws-sdk/client-ssm'
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb'
import { loadCityRules, type CityRules } from '@healthcode/shared'
import type { AppLogger, HttpHandler } from '../http/handler'
import type { Clock } from '../http/types'
import {
  createDocumentClient,
  tableNamesFor,
  type TableNames,
} from '../storage/dynamo'
import { createPiiProtector, type PiiProtector } from '../storage/pii'
import { parseConfig, type Config } from './config'
import { tokenKeysOf, type TokenKeys } from './keys'
import { loadSecrets } from './secrets'

// Everything a handler needs, built once per cold start. Tests build one
// with their own clock, tables and logger.
export type Runtime = {
  config: Config
  rules: CityRules
  clock: Clock
  logger: AppLogger
  db: DynamoDBDocumentClient
  tables: TableNames
  pii: PiiProtector
  keys: TokenKeys
  venueCodeKey: Uint8Array
}

export const systemClock: Clock = { now: () => new Date() }

/**
 * Parses the environment, loads the city rules and reads the secrets.
 * Throws with the names of the invalid variables, because a Lambda with a
 * broken configuration must fail loudly rather than serve wrong responses.
 */
export async function createRuntime(
  environment: Record<string, string | undefined>,
): Promise<Runtime> {
  const parsed = parseConfig(environment)
  if (parsed.kind === 'invalid') {
    throw new Error(
      `Invalid environment: ${parsed.problems.join('; ')}`,
    )
  }
  const config = parsed.config
  const secrets = await loadSecrets(config.secrets, () => new SSMClient({}))
  return {
    config,
    rules: loadCityRules(config.city),
    clock: systemClock,
    logger: new Logger({
      serviceName: 'health-code',
      persistentKeys: { stage: config.stage, city: config.city },
    }),
    db: createDocumentClient(config.dynamoDbEndpoint),
    tables: tableNamesFor(config.tablePrefix),
    pii: createPiiProtector(secrets),
    keys: tokenKeysOf(secrets.signingKeys),
    venueCodeKey: secrets.venueCodeKey,
  }
}

/**
 * Wraps a feature's handler factory as a Lambda handler that builds the
 * runtime on the first event. A failed start is not cached, so the next
 * event retries, e.g. after SSM was briefly unavailable.
 */
export function lambdaHandler(
  build: (runtime: Runtime) => HttpHandler,
): HttpHandler {
  let ready: Promise<HttpHandler> | null = null
  return async (event) => {
    ready ??= createRuntime(process.env).then(build)
    let handler: HttpHandler
    try {
      handler = await ready
    } catch (error) {
      ready = null
      throw error
    }
    return handler(event)
  }
}
