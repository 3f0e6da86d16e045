import { randomBytes } from 'node:crypto'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Logger } from '@aws-lambda-powertools/logger'
import { ScanCommand } from '@aws-sdk/lib-dynamodb'
import {
  generateKeyPair,
  loadCityRules,
  type CityRules,
} from '@healthcode/shared'
import { inject } from 'vitest'
import { createTables } from '../../scripts/lib/dynamodb-local.mjs'
import { createAppealHandler } from '../src/appeals/handler'
import { createAuthHandler } from '../src/auth/handler'
import { createBusinessHandler } from '../src/businesses/handler'
import { createCheckinHandler } from '../src/checkins/handler'
import { createCheckpointHandler } from '../src/checkpoint/handler'
import { OutboxSmsSender } from '../src/auth/sms'
import { createCityHandler } from '../src/city/handler'
import { createCodeHandler } from '../src/codes/handler'
import { createRuntime, type Runtime } from '../src/config/runtime'
import { createHouseholdHandler } from '../src/households/handler'
import type { HttpHandler } from '../src/http/handler'
import type { Clock } from '../src/http/types'
import { createRatingHandler } from '../src/rating/handler'
import { createRegistrationHandler } from '../src/registration/handler'
import { createVenueHandler } from '../src/venues/handler'
import { httpEvent, type EventInput } from './events'

export class TestClock implements Clock {
  private current: Date

  constructor(start: string) {
    this.current = new Date(start)
  }

  now(): Date {
    return new Date(this.current)
  }

  set(iso: string): void {
    this.current = new Date(iso)
  }

  advanceSeconds(seconds: number): void {
    this.current = new Date(this.current.getTime() + seconds * 1000)
  }
}

/**
 * Records what the process writes to stdout and stderr, where the
 * Powertools Logger prints, so tests can inspect the log lines.
 */
export class OutputCapture {
  private chunks: string[] = []
  private readonly originals = {
    stdout: process.stdout.write.bind(process.stdout),
    stderr: process.stderr.write.bind(process.stderr),
  }

  start(): void {
    const record = (chunk: unknown): boolean => {
      this.chunks.push(
        typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString(),
      )
      return true
    }
    process.stdout.write = record as typeof process.stdout.write
    process.stderr.write = record as typeof process.stderr.write
  }

  stop(): void {
    process.stdout.write = this.originals.stdout
    process.stderr.write = this.originals.stderr
  }

  text(): string {
    return this.chunks.join('')
  }

  lines(): Record<string, unknown>[] {
    return this.text()
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as Record<string, unknown>)
  }
}

export type TestResponse = {
  status: number
  headers: Record<string, string>
  // Parsed JSON body; tests read fields they assert on. Undefined for a
  // binary body.
  json: any
  // The body's bytes when the response is base64-encoded.
  bytes?: Uint8Array
}

// Which feature's Lambda serves a path, as in serverless.yml.
function featureOf(path: string): keyof Handlers {
  if (path.startsWith('/v1/auth/')) return 'auth'
  if (path.startsWith('/v1/residents/me/dependents')) return 'households'
  if (path.startsWith('/v1/residents/me/household')) return 'households'
  if (path === '/v1/residents/me/appeals') return 'appeals'
  if (path.startsWith('/v1/appeals')) return 'appeals'
  if (path === '/v1/businesses') return 'businesses'
  if (path.startsWith('/v1/venues')) return 'venues'
  if (path.startsWith('/v1/checkins')) return 'checkins'
  if (path === '/v1/residents/me/checkins') return 'checkins'
  if (path.startsWith('/v1/checkpoint/')) return 'checkpoint'
  if (path === '/v1/residents' || path === '/v1/residents/me') {
    return 'registration'
  }
  if (path === '/v1/residents/me/code') return 'codes'
  if (
    path === '/v1/questionnaire' ||
    path === '/v1/residents/me/questionnaire' ||
    path === '/v1/residents/me/status'
  ) {
    return 'rating'
  }
  return 'city'
}

type Handlers = {
  auth: HttpHandler
  registration: HttpHandler
  rating: HttpHandler
  codes: HttpHandler
  city: HttpHandler
  businesses: HttpHandler
  venues: HttpHandler
  checkins: HttpHandler
  checkpoint: HttpHandler
  households: HttpHandler
  appeals: HttpHandler
}

export type TestStack = Awaited<ReturnType<typeof createTestStack>>

// The public base URL of the test stage, the local stage's default.
export const TEST_BASE_URL = 'http://127.0.0.1:10086'

function newSecretsJson(): string {
  const key = generateKeyPair('test-1')
  return JSON.stringify({
    signingKeys: [{ kid: key.kid, privateKey: key.privateKey }],
    piiHashKey: randomBytes(32).toString('base64url'),
    piiEncryptionKey: randomBytes(32).toString('base64url'),
    venueCodeKey: randomBytes(32).toString('base64url'),
  })
}

/**
 * Creates fresh tables under a unique prefix in the shared DynamoDB Local
 * and the handlers of every feature, with a fixed clock and an SMS outbox
 * in a temporary folder. The runtime is built from a local-stage
 * environment, then `city` swaps in another city's rules, because only the
 * local stage may take secrets and SMS from the environment.
 */
export async function createTestStack(options: {
  start: string
  city?: 'hangzhou' | 'shanghai'
  // Replaces the city's rules, for cases no city file has.
  rules?: CityRules
}) {
  const endpoint = inject('dynamoDbEndpoint')
  const prefix = `test-${randomBytes(6).toString('hex')}`
  // Without time-to-live, because DynamoDB Local deletes expired items by
  // the wall clock, and the tests' clock is set in the past.
  await createTables({ endpoint, prefix, timeToLive: false })
  const folder = await mkdtemp(join(tmpdir(), 'health-code-test-'))
  const outboxFile = join(folder, 'sms-outbox.jsonl')
  const output = new OutputCapture()
  output.start()

  const clock = new TestClock(options.start)
  const base = await createRuntime({
    STAGE: 'local',
    CITY: 'hangzhou',
    TABLE_PREFIX: prefix,
    DYNAMODB_ENDPOINT: endpoint,
    SMS_SENDER: 'outbox',
    SMS_OUTBOX_FILE: outboxFile,
    SECRETS_JSON: newSecretsJson(),
    PUBLIC_BASE_URL: TEST_BASE_URL,
  })
  const runtime: Runtime = {
    ...base,
    rules: options.rules ?? loadCityRules(options.city ?? 'hangzhou'),
    clock,
    logger: new Logger({ serviceName: 'health-code-test' }),
  }
  const handlers: Handlers = {
    auth: createAuthHandler(runtime, new OutboxSmsSender(outboxFile)),
    registration: createRegistrationHandler(runtime),
    rating: createRatingHandler(runtime),
    codes: createCodeHandler(runtime),
    city: createCityHandler(runtime),
    businesses: createBusinessHandler(runtime),
    venues: createVenueHandler(runtime),
    checkins: createCheckinHandler(runtime),
    checkpoint: createCheckpointHandler(runtime),
    households: createHouseholdHandler(runtime),
    appeals: createAppealHandler(runtime),
  }

  async function request(input: EventInput): Promise<TestResponse> {
    const result = await handlers[featureOf(input.path)](httpEvent(input))
    const headers = Object.fromEntries(
      Object.entries(result.headers ?? {}).map(([name, value]) => [
        name,
        String(value),
      ]),
    )
    if (result.isBase64Encoded === true) {
      return {
        status: result.statusCode ?? 200,
        headers,
        json: undefined,
        bytes: new Uint8Array(Buffer.from(result.body ?? '', 'base64')),
      }
    }
    return {
      status: result.statusCode ?? 200,
      headers,
      json: result.body === undefined ? undefined : JSON.parse(result.body),
    }
  }

  async function outbox(): Promise<{ to: string; text: string; sentAt: string }[]> {
    const text = await readFile(outboxFile, 'utf8').catch(() => '')
    return text
      .split('\n')
      .filter((line) => line !== '')
      .map((line) => JSON.parse(line))
  }

  // Returns the code of the latest SMS to an E.164 phone number.
  async function latestOtp(phoneE164: string): Promise<string> {
    const messages = (await outbox()).filter((m) => m.to === phoneE164)
    const last = messages[messages.length - 1]
    const code = last?.text.match(/\d{6}/)?.[0]
    if (code === undefined) throw new Error('No one-time password was sent')
    return code
  }

  // Signs in through the real OTP routes and returns the session token.
  async function signIn(phone: string, phoneE164: string): Promise<string> {
    const sent = await request({
      method: 'POST',
      path: '/v1/auth/otp',
      body: { phone },
    })
    if (sent.status !== 202) throw new Error(`OTP request got ${sent.status}`)
    const code = await latestOtp(phoneE164)
    const signedIn = await request({
      method: 'POST',
      path: '/v1/auth/token',
      body: { phone, code },
    })
    if (signedIn.status !== 200) {
      throw new Error(`Sign-in got ${signedIn.status}`)
    }
    return signedIn.json.token as string
  }

  // Every item of every table, to check that a request changed nothing.
  async function snapshot(): Promise<Record<string, unknown[]>> {
    const tables: Record<string, unknown[]> = {}
    for (const [name, tableName] of Object.entries(runtime.tables)) {
      const output = await runtime.db.send(new ScanCommand({ TableName: tableName }))
      tables[name] = (output.Items ?? [])
        .map((item) => JSON.stringify(item))
        .sort()
    }
    return tables
  }

  async function close(): Promise<void> {
    output.stop()
    await rm(folder, { recursive: true, force: true })
  }

  return {
    runtime,
    clock,
    output,
    outboxFile,
    request,
    outbox,
    latestOtp,
    signIn,
    snapshot,
    close,
  }
}
