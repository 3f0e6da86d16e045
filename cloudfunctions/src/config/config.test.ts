import { randomBytes } from 'node:crypto'
import type { GetParameterCommand, SSMClient } from '@aws-sdk/client-ssm'
import { generateKeyPair } from '@healthcode/shared'
import { describe, expect, it } from 'vitest'
import { parseConfig } from './config'
import { loadSecrets, parseSecrets } from './secrets'

const LOCAL = {
  STAGE: 'local',
  CITY: 'hangzhou',
  TABLE_PREFIX: 'hc-local',
  DYNAMODB_ENDPOINT: 'http://127.0.0.1:8000',
  SMS_SENDER: 'outbox',
  SMS_OUTBOX_FILE: '/tmp/outbox.jsonl',
  SECRETS_JSON: '{}',
  PUBLIC_BASE_URL: 'http://127.0.0.1:10086',
}

const DEPLOYED = {
  STAGE: 'shanghai',
  CITY: 'shanghai',
  TABLE_PREFIX: 'health-code-shanghai',
  SMS_SENDER: 'sns',
  SECRETS_PARAMETER: '/health-code/shanghai/secrets',
  PUBLIC_BASE_URL: 'https://shanghai.health-code.example',
}

function problemsOf(environment: Record<string, string | undefined>) {
  const result = parseConfig(environment)
  return result.kind === 'invalid' ? result.problems : []
}

function secretsJson(overrides: Record<string, unknown> = {}): string {
  const key = generateKeyPair('k1')
  return JSON.stringify({
    signingKeys: [{ kid: key.kid, privateKey: key.privateKey }],
    piiHashKey: randomBytes(32).toString('base64url'),
    piiEncryptionKey: randomBytes(32).toString('base64url'),
    venueCodeKey: randomBytes(32).toString('base64url'),
    ...overrides,
  })
}

describe('parseConfig', () => {
  it('reads the local stage', () => {
    expect(parseConfig(LOCAL)).toEqual({
      kind: 'ok',
      config: {
        stage: 'local',
        city: 'hangzhou',
        tablePrefix: 'hc-local',
        dynamoDbEndpoint: 'http://127.0.0.1:8000',
        sms: { kind: 'outbox', file: '/tmp/outbox.jsonl' },
        secrets: { kind: 'inline', json: '{}' },
        publicBaseUrl: 'http://127.0.0.1:10086',
        lambdaEndpoint: null,
        matcherFunction: null,
      },
    })
  })

  it('reads a deployed stage', () => {
    expect(parseConfig(DEPLOYED)).toEqual({
      kind: 'ok',
      config: {
        stage: 'shanghai',
        city: 'shanghai',
        tablePrefix: 'health-code-shanghai',
        dynamoDbEndpoint: null,
        sms: { kind: 'sns' },
        secrets: {
          kind: 'parameter',
          name: '/health-code/shanghai/secrets',
        },
        publicBaseUrl: 'https://shanghai.health-code.example',
        lambdaEndpoint: null,
        matcherFunction: null,
      },
    })
  })

  it('names a missing variable', () => {
    const { TABLE_PREFIX: _, ...rest } = LOCAL
    expect(problemsOf(rest)).toEqual([
      expect.stringMatching(/^TABLE_PREFIX: /),
    ])
  })

  it('names an invalid value without echoing it', () => {
    const problems = problemsOf({ ...LOCAL, SMS_SENDER: 'carrier-pigeon' })
    expect(problems).toHaveLength(1)
    expect(problems[0]).toMatch(/^SMS_SENDER: /)
    expect(problems[0]).not.toContain('carrier-pigeon')
  })

  it('runs the local stage with the Hangzhou rules only', () => {
    expect(problemsOf({ ...LOCAL, CITY: 'shanghai' })).toEqual([
      'CITY: must be hangzhou on stage local',
    ])
  })

  it('requires a deployed stage to be named after its city', () => {
    expect(problemsOf({ ...DEPLOYED, CITY: 'hangzhou' })).toEqual([
      'CITY: must be shanghai on stage shanghai',
    ])
  })

  it('allows the outbox and inline secrets on the local stage only', () => {
    const problems = problemsOf({
      ...DEPLOYED,
      SMS_SENDER: 'outbox',
      SMS_OUTBOX_FILE: '/tmp/outbox.jsonl',
      SECRETS_PARAMETER: undefined,
      SECRETS_JSON: '{}',
    })
    expect(problems).toEqual([
      'SMS_SENDER: outbox is only allowed on stage local',
      'SECRETS_JSON: only allowed on stage local, use SECRETS_PARAMETER',
    ])
  })

  it('requires the outbox file for the outbox sender', () => {
    expect(problemsOf({ ...LOCAL, SMS_OUTBOX_FILE: undefined })).toEqual([
      'SMS_OUTBOX_FILE: required when SMS_SENDER is outbox',
    ])
  })

  it('requires https for the public base URL of a deployed stage', () => {
    const plain = { ...DEPLOYED, PUBLIC_BASE_URL: 'http://shanghai.example' }
    expect(problemsOf(plain)).toEqual([
      'PUBLIC_BASE_URL: must be https on stage shanghai',
    ])
  })

  it('rejects a public base URL with a trailing slash', () => {
    const slash = { ...LOCAL, PUBLIC_BASE_URL: 'http://127.0.0.1:10086/' }
    expect(problemsOf(slash)).toEqual([
      'PUBLIC_BASE_URL: must be an http(s) URL without a trailing slash, ' +
        'query or fragment',
    ])
  })

  it('reads the Lambda endpoint and matcher of the local stage', () => {
    const result = parseConfig({
      ...LOCAL,
      LAMBDA_ENDPOINT: 'http://127.0.0.1:3002',
      MATCHER_FUNCTION: 'health-code-local-matcher',
    })
    expect(result.kind === 'ok' && result.config).toMatchObject({
      lambdaEndpoint: 'http://127.0.0.1:3002',
      matcherFunction: 'health-code-local-matcher',
    })
  })

  it('allows a Lambda endpoint on the local stage only', () => {
    const local = { ...DEPLOYED, LAMBDA_ENDPOINT: 'http://127.0.0.1:3002' }
    expect(problemsOf(local)).toEqual([
      'LAMBDA_ENDPOINT: only allowed on stage local',
    ])
  })

  it('requires a source of secrets', () => {
    expect(problemsOf({ ...DEPLOYED, SECRETS_PARAMETER: undefined })).toEqual([
      'SECRETS_PARAMETER: required (or SECRETS_JSON on stage local)',
    ])
  })
})

describe('parseSecrets', () => {
  it('decodes the keys', () => {
    const result = parseSecrets(secretsJson())
    if (result.kind !== 'ok') throw new Error(result.problems.join('; '))
    expect(result.secrets.piiHashKey).toHaveLength(32)
    expect(result.secrets.piiEncryptionKey).toHaveLength(32)
    expect(result.secrets.signingKeys[0]?.kid).toBe('k1')
    expect(result.secrets.venueCodeKey).toHaveLength(32)
  })

  it('names a key of the wrong size without echoing it', () => {
    const short = randomBytes(16).toString('base64url')
    const result = parseSecrets(secretsJson({ piiHashKey: short }))
    expect(result.kind).toBe('invalid')
    const problems = result.kind === 'invalid' ? result.problems : []
    expect(problems).toEqual([
      'secrets.piiHashKey: must be 32 bytes as unpadded base64url',
    ])
  })

  it('rejects secrets without a signing key', () => {
    const result = parseSecrets(secretsJson({ signingKeys: [] }))
    expect(result.kind).toBe('invalid')
  })
})

// Stands in for SSM: returns one parameter and records the requests.
class RecordingSsmClient {
  readonly requests: GetParameterCommand['input'][] = []

  constructor(private readonly value: string) {}

  async send(command: GetParameterCommand) {
    this.requests.push(command.input)
    return { Parameter: { Name: command.input.Name, Value: this.value } }
  }
}

describe('loadSecrets', () => {
  it('reads the SSM parameter with decryption', async () => {
    const ssm = new RecordingSsmClient(secretsJson())
    const secrets = await loadSecrets(
      { kind: 'parameter', name: '/health-code/hangzhou/secrets' },
      () => ssm as unknown as SSMClient,
    )
    expect(secrets.signingKeys).toHaveLength(1)
    expect(ssm.requests).toEqual([
      { Name: '/health-code/hangzhou/secrets', WithDecryption: true },
    ])
  })

  it('fails naming the parameter when its JSON is invalid', async () => {
    const ssm = new RecordingSsmClient('{"signingKeys": []}')
    await expect(
      loadSecrets(
        { kind: 'parameter', name: '/health-code/hangzhou/secrets' },
        () => ssm as unknown as SSMClient,
      ),
    ).rejects.toThrow(
      /SSM parameter \/health-code\/hangzhou\/secrets \(SECRETS_PARAMETER\)/,
    )
  })
})
