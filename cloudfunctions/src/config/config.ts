import { z } from 'zod'

// The Lambda environment, parsed once per cold start. It contains no
// secrets, only the name of their source.

const LOCAL_STAGE = 'local'
// The local stage runs the demo city's rules.
const LOCAL_STAGE_CITY = 'hangzhou'

const Identifier = z
  .string()
  .regex(/^[a-z][a-z0-9-]*$/, 'must be lower-case letters, digits and -')

// An http(s) origin with an optional path and no trailing slash, the base
// of venue code URLs.
const BaseUrl = z
  .string()
  .regex(
    /^https?:\/\/[A-Za-z0-9.-]+(?::[0-9]{1,5})?(?:\/[A-Za-z0-9._~-]+)*$/,
    'must be an http(s) URL without a trailing slash, query or fragment',
  )

export const Env = z.object({
  STAGE: Identifier,
  CITY: Identifier,
  TABLE_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9_.-]{1,200}$/, 'must be letters, digits, _ . or -'),
  DYNAMODB_ENDPOINT: z.url().optional(),
  SMS_SENDER: z.enum(['outbox', 'sns']),
  SMS_OUTBOX_FILE: z.string().min(1).optional(),
  SECRETS_JSON: z.string().min(1).optional(),
  SECRETS_PARAMETER: z.string().min(1).optional(),
  PUBLIC_BASE_URL: BaseUrl,
  // The Lambda API of serverless offline on the local stage. Deployed
  // stages reach AWS Lambda through the SDK's default endpoint.
  LAMBDA_ENDPOINT: z.url().optional(),
  // Name of the matcher function, on the functions that start matching.
  MATCHER_FUNCTION: Identifier.optional(),
})
export type Env = z.infer<typeof Env>

export type SmsConfig =
  | { kind: 'outbox'; file: string }
  | { kind: 'sns' }

export type SecretsSource =
  | { kind: 'inline'; json: string }
  | { kind: 'parameter'; name: string }

export type Config = {
  stage: string
  city: string
  tablePrefix: string
  dynamoDbEndpoint: string | null
  sms: SmsConfig
  secrets: SecretsSource
  // Base of venue code URLs: the H5 build of the stage.
  publicBaseUrl: string
  lambdaEndpoint: string | null
  matcherFunction: string | null
}

export type ConfigResult =
  | { kind: 'ok'; config: Config }
  | { kind: 'invalid'; problems: string[] }

/**
 * Parses the environment. Each problem names the variable and what it must
 * contain, and never echoes a value, because SECRETS_JSON contains keys.
 */
export function parseConfig(
  environment: Record<string, string | undefined>,
): ConfigResult {
  const parsed = Env.safeParse(withoutEmptyValues(environment))
  if (!parsed.success) {
    return {
      kind: 'invalid',
      problems: parsed.error.issues.map(
        (issue) => `${issue.path.join('.')}: ${issue.message}`,
      ),
    }
  }
  const env = parsed.data
  const problems = [
    ...checkCity(env),
    ...checkSms(env),
    ...checkSecrets(env),
    ...checkBaseUrl(env),
    ...checkLambdaEndpoint(env),
  ]
  if (problems.length > 0) return { kind: 'invalid', problems }
  return { kind: 'ok', config: toConfig(env) }
}

// serverless.yml sets every variable on every stage and leaves the ones a
// stage does not use empty, so an empty value counts as unset.
function withoutEmptyValues(
  environment: Record<string, string | undefined>,
): Record<string, string> {
  const entries = Object.entries(environment).filter(
    (entry): entry is [string, string] =>
      entry[1] !== undefined && entry[1] !== '',
  )
  return Object.fromEntries(entries)
}

function checkCity(env: Env): string[] {
  const expected = env.STAGE === LOCAL_STAGE ? LOCAL_STAGE_CITY : env.STAGE
  if (env.CITY === expected) return []
  return [`CITY: must be ${expected} on stage ${env.STAGE}`]
}

function checkSms(env: Env): string[] {
  if (env.SMS_SENDER === 'sns') return []
  const problems: string[] = []
  if (env.STAGE !== LOCAL_STAGE) {
    problems.push(`SMS_SENDER: outbox is only allowed on stage ${LOCAL_STAGE}`)
  }
  if (env.SMS_OUTBOX_FILE === undefined) {
    problems.push('SMS_OUTBOX_FILE: required when SMS_SENDER is outbox')
  }
  return problems
}

function checkSecrets(env: Env): string[] {
  const inline = env.SECRETS_JSON !== undefined
  const parameter = env.SECRETS_PARAMETER !== undefined
  if (inline && parameter) {
    return ['SECRETS_JSON: set either SECRETS_JSON or SECRETS_PARAMETER']
  }
  if (inline && env.STAGE !== LOCAL_STAGE) {
    return [
      `SECRETS_JSON: only allowed on stage ${LOCAL_STAGE}, ` +
        'use SECRETS_PARAMETER',
    ]
  }
  if (!inline && !parameter) {
    return ['SECRETS_PARAMETER: required (or SECRETS_JSON on stage local)']
  }
  return []
}

// Venue codes are printed and posted for months, so a deployed stage's
// codes must not point at a plain-HTTP address.
function checkBaseUrl(env: Env): string[] {
  if (env.STAGE === LOCAL_STAGE) return []
  if (env.PUBLIC_BASE_URL.startsWith('https://')) return []
  return [`PUBLIC_BASE_URL: must be https on stage ${env.STAGE}`]
}

// Only the local stage talks to a Lambda API other than AWS's own.
function checkLambdaEndpoint(env: Env): string[] {
  if (env.LAMBDA_ENDPOINT === undefined || env.STAGE === LOCAL_STAGE) return []
  return [`LAMBDA_ENDPOINT: only allowed on stage ${LOCAL_STAGE}`]
}

function toConfig(env: Env): Config {
  return {
    stage: env.STAGE,
    city: env.CITY,
    tablePrefix: env.TABLE_PREFIX,
    dynamoDbEndpoint: env.DYNAMODB_ENDPOINT ?? null,
    sms:
      env.SMS_SENDER === 'outbox'
        ? { kind: 'outbox', file: env.SMS_OUTBOX_FILE ?? '' }
        : { kind: 'sns' },
    secrets:
      env.SECRETS_JSON !== undefined
        ? { kind: 'inline', json: env.SECRETS_JSON }
        : { kind: 'parameter', name: env.SECRETS_PARAMETER ?? '' },
    publicBaseUrl: env.PUBLIC_BASE_URL,
    lambdaEndpoint: env.LAMBDA_ENDPOINT ?? null,
    matcherFunction: env.MATCHER_FUNCTION ?? null,
  }
}
