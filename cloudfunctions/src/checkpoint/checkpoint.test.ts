import { QueryCommand } from '@aws-sdk/lib-dynamodb'
import { hmac } from '@noble/hashes/hmac'
import { sha256 } from '@noble/hashes/sha2'
import { generateKeyPair, signToken } from '@healthcode/shared'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { nextMainlandId } from '../../test/ids'
import {
  business,
  checkIn,
  CONFIRMED_CONTACT,
  guard,
  resident,
  SYMPTOMS,
  venue,
  type Person,
  type Resident,
} from '../../test/people'
import { createTestStack, type TestStack } from '../../test/stack'

// 10:00 on 10 February in Hangzhou (UTC+8).
const START = '2026-02-10T02:00:00.000Z'
const START_SECONDS = Date.parse(START) / 1000

let stack: TestStack

beforeAll(async () => {
  stack = await createTestStack({ start: START })
})

beforeEach(() => {
  stack.clock.set(START)
})

afterAll(async () => {
  await stack.close()
})

type Checkpoint = {
  owner: Person
  place: { id: string; codeText: string }
  watcher: Person
}

async function checkpoint(
  overrides: Record<string, unknown> = {},
): Promise<Checkpoint> {
  const owner = await business(stack)
  const place = await venue(stack, owner, overrides)
  const watcher = await guard(stack, owner, place.id)
  return { owner, place, watcher }
}

async function passOf(person: Resident, codeText: string): Promise<string> {
  const response = await checkIn(stack, person, codeText)
  expect(response.status).toBe(201)
  return response.json.pass.token
}

async function personalCode(person: Resident): Promise<string> {
  const response = await stack.request({
    method: 'GET',
    path: '/v1/residents/me/code',
    token: person.token,
  })
  return response.json.token
}

function verify(
  at: Checkpoint,
  body: Record<string, unknown>,
  headers: Record<string, string> = { 'accept-language': 'en' },
) {
  return stack.request({
    method: 'POST',
    path: '/v1/checkpoint/verify',
    token: at.watcher.token,
    body: { venueId: at.place.id, ...body },
    headers,
  })
}

function encodeJson(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url')
}

function passClaims(venueId: string, overrides: object = {}) {
  return {
    iss: 'hangzhou',
    sub: 'no-such-resident-ref',
    col: 'green',
    iat: START_SECONDS,
    exp: START_SECONDS + 60,
    jti: `crafted-${Math.random()}`,
    ven: venueId,
    ...overrides,
  }
}

function signWithStageKey(claims: object): string {
  const keys = stack.runtime.keys
  return signToken(
    { kid: keys.signing.kid, typ: 'hc-code' },
    claims,
    keys.signing.privateKey,
  )
}

async function eventsOf(venueId: string, date = '2026-02-10') {
  const output = await stack.runtime.db.send(
    new QueryCommand({
      TableName: stack.runtime.tables.checkpointEvents,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': `venue#${venueId}#${date}` },
    }),
  )
  return output.Items ?? []
}

async function checkinsAt(venueId: string, date = '2026-02-10') {
  const output = await stack.runtime.db.send(
    new QueryCommand({
      TableName: stack.runtime.tables.checkins,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': `venue#${venueId}#${date}` },
    }),
  )
  return output.Items ?? []
}

async function auditOf(residentId: string) {
  const output = await stack.runtime.db.send(
    new QueryCommand({
      TableName: stack.runtime.tables.audit,
      KeyConditionExpression: 'residentId = :residentId',
      ExpressionAttributeValues: { ':residentId': residentId },
    }),
  )
  return (output.Items ?? []).filter((item) => item.kind === 'manual_checkin')
}

describe('POST /v1/checkpoint/verify', () => {
  it('admits a green pass once', async () => {
    const at = await checkpoint()
    const person = await resident(stack)
    const token = await passOf(person, at.place.codeText)
    const first = await verify(at, { token })
    expect(first.status).toBe(200)
    expect(first.json).toEqual({
      verdict: 'allow',
      code: 'ALLOW',
      color: 'green',
      maskedName: '**明',
      venueName: '西湖农贸市场',
      checkedAt: START,
      message: 'Verified. Let the person in.',
    })
    stack.clock.advanceSeconds(5)
    const second = await verify(at, { token })
    expect(second.json).toMatchObject({
      verdict: 'deny',
      code: 'ALREADY_USED',
      message:
        'This pass has already been used. Ask the person to scan the ' +
        'venue code again for a new pass.',
    })
  })

  it('answers in Chinese by default', async () => {
    const at = await checkpoint()
    const person = await resident(stack)
    const token = await passOf(person, at.place.codeText)
    const response = await verify(at, { token }, {})
    expect(response.json.message).toBe('查验通过，可以通行。')
  })

  it.each([
    ['yellow', SYMPTOMS],
    ['red', CONFIRMED_CONTACT],
  ])('denies a %s pass', async (color, answers) => {
    const at = await checkpoint()
    const person = await resident(stack, answers)
    const token = await passOf(person, at.place.codeText)
    const response = await verify(at, { token })
    expect(response.json).toMatchObject({
      verdict: 'deny',
      code: 'DENY_COLOR',
      color,
      maskedName: '**明',
    })
  })

  it('reports an expired pass', async () => {
    const at = await checkpoint()
    const token = await passOf(await resident(stack), at.place.codeText)
    stack.clock.advanceSeconds(60)
    const response = await verify(at, { token })
    expect(response.json).toMatchObject({ verdict: 'deny', code: 'EXPIRED' })
  })

  it('reports a pass of another venue', async () => {
    const at = await checkpoint()
    const elsewhere = await checkpoint({ name: '别处' })
    const token = await passOf(await resident(stack), elsewhere.place.codeText)
    const response = await verify(at, { token })
    expect(response.json).toMatchObject({ code: 'WRONG_VENUE' })
  })

  it('rejects forged and foreign tokens', async () => {
    const at = await checkpoint()
    const person = await resident(stack)
    const real = await passOf(person, at.place.codeText)
    const [, payload = ''] = real.split('.')
    const publicKey = Buffer.from(
      stack.runtime.keys.verification[0]?.x ?? '',
      'base64url',
    )
    const hsHeader = encodeJson({
      alg: 'HS256',
      kid: stack.runtime.keys.signing.kid,
      typ: 'hc-code',
    })
    const hsInput = `${hsHeader}.${payload}`
    const hsSignature = Buffer.from(
      hmac(sha256, publicKey, Buffer.from(hsInput)),
    ).toString('base64url')
    const noneHeader = encodeJson({
      alg: 'none',
      kid: stack.runtime.keys.signing.kid,
      typ: 'hc-code',
    })
    const stranger = generateKeyPair('test-9')
    const shanghai = generateKeyPair('sh-1')

    const cases: [string, string][] = [
      [`${noneHeader}.${payload}.`, 'INVALID_SIGNATURE'],
      [`${hsInput}.${hsSignature}`, 'INVALID_SIGNATURE'],
      [
        signToken(
          { kid: stranger.kid, typ: 'hc-code' },
          passClaims(at.place.id),
          stranger.privateKey,
        ),
        'INVALID_SIGNATURE',
      ],
      ['{"col":"green"}', 'INVALID_SIGNATURE'],
      ['garbage', 'INVALID_SIGNATURE'],
      [
        signToken(
          { kid: shanghai.kid, typ: 'hc-code' },
          passClaims(at.place.id, { iss: 'shanghai' }),
          shanghai.privateKey,
        ),
        'WRONG_CITY',
      ],
    ]

    for (const [token, code] of cases) {
      const response = await verify(at, { token })
      expect(response.status, token).toBe(200)
      expect(response.json.verdict, token).toBe('deny')
      expect(response.json.code, token).toBe(code)
      expect(response.json.maskedName).toBeUndefined()
    }

    // The real pass was never redeemed by the forgeries.
    const genuine = await verify(at, { token: real })
    expect(genuine.json.code).toBe('ALLOW')
  })

  it('reports a device clock that is off', async () => {
    const at = await checkpoint()
    const token = await passOf(await resident(stack), at.place.codeText)
    const response = await verify(at, {
      token,
      deviceTime: '2026-02-10T02:10:00.000Z',
    })
    expect(response.json).toMatchObject({
      verdict: 'deny',
      code: 'CLOCK_WRONG',
      checkedAt: START,
      message:
        "This device's clock is wrong, so the code's time cannot be " +
        'checked. Set the device clock and verify again.',
    })
    const corrected = await verify(at, {
      token,
      deviceTime: '2026-02-10T02:01:00.000Z',
    })
    expect(corrected.json.code).toBe('ALLOW')
  })

  it('reports a token issued an hour ahead as a clock problem', async () => {
    const at = await checkpoint()
    const token = signWithStageKey(
      passClaims(at.place.id, {
        iat: START_SECONDS + 3600,
        exp: START_SECONDS + 3660,
      }),
    )
    const response = await verify(at, { token })
    expect(response.json.code).toBe('CLOCK_WRONG')
  })

  it('reports a signed code of nobody as not registered', async () => {
    const at = await checkpoint()
    const token = signWithStageKey(passClaims(at.place.id))
    const response = await verify(at, { token })
    expect(response.json).toMatchObject({
      verdict: 'deny',
      code: 'NOT_REGISTERED',
    })
  })

  it('denies a fever without using up the pass', async () => {
    const at = await checkpoint()
    const person = await resident(stack)
    const token = await passOf(person, at.place.codeText)
    const fever = await verify(at, { token, temperature: 37.3 })
    expect(fever.json).toMatchObject({
      verdict: 'deny',
      code: 'FEVER',
      color: 'green',
    })
    const events = await eventsOf(at.place.id)
    expect(events).toEqual([
      {
        pk: `venue#${at.place.id}#2026-02-10`,
        sk: expect.stringMatching(/^2026-02-10T02:00:00\.000Z#/),
        eventId: expect.any(String),
        venueId: at.place.id,
        at: START,
        guardAccountId: expect.any(String),
        source: 'verify',
        verdict: 'deny',
        code: 'FEVER',
        color: 'green',
        temperature: 37.3,
        residentId: person.residentId,
        ttl: START_SECONDS + 28 * 86_400,
      },
    ])
    const normal = await verify(at, { token, temperature: 36.6 })
    expect(normal.json.code).toBe('ALLOW')
  })

  it('requires a temperature where the venue asks for one', async () => {
    const at = await checkpoint({
      policy: { temperatureRequired: true, recordDocument: false },
    })
    const token = await passOf(await resident(stack), at.place.codeText)
    const before = await stack.snapshot()
    const response = await verify(at, { token })
    expect(response.status).toBe(400)
    expect(response.json.code).toBe('TEMPERATURE_REQUIRED')
    expect(response.json.errors).toEqual([
      {
        field: 'temperature',
        code: 'TEMPERATURE_REQUIRED',
        message: expect.stringMatching(/^Temperature \(°C\): /),
      },
    ])
    expect(await stack.snapshot()).toEqual(before)
  })

  it('rejects a Fahrenheit reading', async () => {
    const at = await checkpoint()
    const token = await passOf(await resident(stack), at.place.codeText)
    const response = await verify(at, { token, temperature: 98.6 })
    expect(response.status).toBe(400)
    expect(response.json.errors[0]).toMatchObject({
      field: 'temperature',
      code: 'too_big',
    })
  })

  it('admits a personal code and records a check-in', async () => {
    const at = await checkpoint()
    const person = await resident(stack)
    const token = await personalCode(person)
    const response = await verify(at, { token })
    expect(response.json.code).toBe('ALLOW')
    const [stored, ...others] = await checkinsAt(at.place.id)
    expect(others).toEqual([])
    expect(stored).toMatchObject({
      residentId: person.residentId,
      source: 'guard',
      guardAccountId: expect.any(String),
      at: START,
    })
    const history = await stack.request({
      method: 'GET',
      path: '/v1/residents/me/checkins',
      token: person.token,
    })
    expect(history.json.items).toMatchObject([
      { venueId: at.place.id, source: 'guard' },
    ])
  })

  it('shows the masked document where the venue records it', async () => {
    const at = await checkpoint({
      type: 'hospital',
      policy: { temperatureRequired: false, recordDocument: true },
    })
    const number = nextMainlandId()
    const person = await resident(stack, undefined, number)
    const token = await passOf(person, at.place.codeText)
    const response = await verify(at, { token })
    expect(response.json.maskedDocument).toBe(
      `${number.slice(0, 2)}${'*'.repeat(14)}${number.slice(-2)}`,
    )
  })

  it('returns the same verdict for a retry with the same key', async () => {
    const at = await checkpoint()
    const token = await passOf(await resident(stack), at.place.codeText)
    const headers = {
      'accept-language': 'en',
      'idempotency-key': '3c9e2a10-verify-retry-01',
    }
    const first = await verify(at, { token }, headers)
    const retry = await verify(at, { token }, headers)
    expect(retry.json).toEqual(first.json)
    expect(retry.json.code).toBe('ALLOW')
    const fresh = await verify(at, { token })
    expect(fresh.json.code).toBe('ALREADY_USED')
  })

  it('hides a venue the caller does not guard', async () => {
    const at = await checkpoint()
    const other = await checkpoint({ name: '别处' })
    const token = await passOf(await resident(stack), at.place.codeText)
    const response = await stack.request({
      method: 'POST',
      path: '/v1/checkpoint/verify',
      token: other.watcher.token,
      body: { token, venueId: at.place.id },
    })
    expect(response.status).toBe(404)
    expect(response.json.code).toBe('NOT_FOUND')
  })

  it('records every verification without personal data', async () => {
    const at = await checkpoint()
    const person = await resident(stack)
    const token = await passOf(person, at.place.codeText)
    await verify(at, { token })
    await verify(at, { token: 'garbage' })
    const events = await eventsOf(at.place.id)
    expect(events.map((event) => event.code).sort()).toEqual([
      'ALLOW',
      'INVALID_SIGNATURE',
    ])
    const text = JSON.stringify(events)
    expect(text).not.toContain('王')
    expect(text).not.toContain(person.documentNumber)
    expect(text).not.toContain(token)
  })
})

describe('POST /v1/checkpoint/manual', () => {
  function manual(at: Checkpoint, body: Record<string, unknown>) {
    return stack.request({
      method: 'POST',
      path: '/v1/checkpoint/manual',
      token: at.watcher.token,
      body: { venueId: at.place.id, ...body },
      headers: { 'accept-language': 'en' },
    })
  }

  it('checks in a person by document and audits the guard', async () => {
    const at = await checkpoint()
    const number = nextMainlandId()
    const person = await resident(stack, undefined, number)
    const typed = `${number.slice(0, 6)} ${number.slice(6, 14)} ${number
      .slice(14)
      .toLowerCase()}`
    const response = await manual(at, {
      document: { type: 'mainland_id', number: typed },
    })
    expect(response.status).toBe(200)
    expect(response.json).toMatchObject({
      verdict: 'allow',
      code: 'ALLOW',
      color: 'green',
      maskedName: '**明',
    })
    const [stored] = await checkinsAt(at.place.id)
    expect(stored).toMatchObject({
      residentId: person.residentId,
      source: 'manual',
      guardAccountId: expect.any(String),
    })
    const audit = await auditOf(person.residentId)
    expect(audit).toEqual([
      {
        residentId: person.residentId,
        eventId: expect.stringMatching(/^2026-02-10T02:00:00\.000Z#/),
        kind: 'manual_checkin',
        at: START,
        actor: { accountId: stored?.guardAccountId, role: 'guard' },
        venueId: at.place.id,
        code: 'ALLOW',
        checkinId: stored?.checkinId,
      },
    ])
  })

  it('denies a yellow person and still audits the lookup', async () => {
    const at = await checkpoint()
    const number = nextMainlandId()
    const person = await resident(stack, SYMPTOMS, number)
    const response = await manual(at, {
      document: { type: 'mainland_id', number },
    })
    expect(response.json).toMatchObject({ code: 'DENY_COLOR', color: 'yellow' })
    expect(await checkinsAt(at.place.id)).toEqual([])
    expect(await auditOf(person.residentId)).toMatchObject([
      { code: 'DENY_COLOR', venueId: at.place.id },
    ])
  })

  it('reports an unknown document as not registered', async () => {
    const at = await checkpoint()
    const response = await manual(at, {
      document: { type: 'mainland_id', number: nextMainlandId() },
    })
    expect(response.status).toBe(200)
    expect(response.json).toMatchObject({
      verdict: 'deny',
      code: 'NOT_REGISTERED',
    })
    expect(response.json.maskedName).toBeUndefined()
    const events = await eventsOf(at.place.id)
    expect(events).toHaveLength(1)
    expect(events[0]?.residentId).toBeUndefined()
  })

  it('rejects a document with a wrong check character', async () => {
    const at = await checkpoint()
    const number = nextMainlandId()
    const wrong = number.slice(0, 17) + (number.endsWith('1') ? '2' : '1')
    const response = await manual(at, {
      document: { type: 'mainland_id', number: wrong },
    })
    expect(response.status).toBe(400)
    expect(response.json.code).toBe('ID_CHECKSUM_INVALID')
    expect(response.json.errors[0].field).toBe('document.number')
  })
})

describe('POST /v1/checkpoint/redemptions', () => {
  function sync(at: Checkpoint, items: unknown[]) {
    return stack.request({
      method: 'POST',
      path: '/v1/checkpoint/redemptions',
      token: at.watcher.token,
      body: { items },
    })
  }

  it('redeems offline verifications once, and again for a retry', async () => {
    const at = await checkpoint()
    const pass = await passOf(await resident(stack), at.place.codeText)
    const used = await passOf(await resident(stack), at.place.codeText)
    await verify(at, { token: used })
    const verifiedAt = '2026-02-10T02:00:30.000Z'
    const items = [
      { token: pass, venueId: at.place.id, verifiedAt },
      { token: used, venueId: at.place.id, verifiedAt },
      { token: 'garbage', venueId: at.place.id, verifiedAt },
      { token: pass, venueId: 'AAAAAAAAAAAAAAAAAAAAAA', verifiedAt },
    ]
    stack.clock.set('2026-02-10T05:00:00.000Z')
    const first = await sync(at, items)
    expect(first.status).toBe(200)
    expect(first.json).toEqual({
      results: [
        { status: 'redeemed' },
        { status: 'already_used' },
        { status: 'invalid', code: 'INVALID_SIGNATURE' },
        { status: 'invalid' },
      ],
    })
    const retry = await sync(at, items)
    expect(retry.json).toEqual(first.json)
    const online = await verify(at, { token: pass })
    expect(online.json.code).toBe('EXPIRED')
  })

  it('reports a pass another guard redeemed as already used', async () => {
    const at = await checkpoint()
    const second = await guard(stack, at.owner, at.place.id)
    const pass = await passOf(await resident(stack), at.place.codeText)
    const item = {
      token: pass,
      venueId: at.place.id,
      verifiedAt: '2026-02-10T02:00:10.000Z',
    }
    expect((await sync(at, [item])).json.results).toEqual([
      { status: 'redeemed' },
    ])
    const other = await stack.request({
      method: 'POST',
      path: '/v1/checkpoint/redemptions',
      token: second.token,
      body: { items: [item] },
    })
    expect(other.json.results).toEqual([{ status: 'already_used' }])
  })

  it('records a personal code check-in at verification time', async () => {
    const at = await checkpoint()
    const person = await resident(stack)
    const token = await personalCode(person)
    const verifiedAt = '2026-02-10T02:00:20.000Z'
    stack.clock.set('2026-02-10T03:00:00.000Z')
    const response = await sync(at, [
      { token, venueId: at.place.id, verifiedAt },
    ])
    expect(response.json.results).toEqual([{ status: 'redeemed' }])
    const [stored] = await checkinsAt(at.place.id)
    expect(stored).toMatchObject({
      residentId: person.residentId,
      source: 'guard',
      at: verifiedAt,
    })
  })

  it('rejects items that should not have admitted anyone', async () => {
    const at = await checkpoint()
    const yellowResident = await resident(stack, SYMPTOMS)
    const yellow = await passOf(yellowResident, at.place.codeText)
    const green = await passOf(await resident(stack), at.place.codeText)
    const response = await sync(at, [
      {
        token: yellow,
        venueId: at.place.id,
        verifiedAt: '2026-02-10T02:00:10.000Z',
      },
      {
        token: green,
        venueId: at.place.id,
        verifiedAt: '2026-02-10T02:02:00.000Z',
      },
      {
        token: green,
        venueId: at.place.id,
        verifiedAt: '2026-02-10T02:00:10.000Z',
        temperature: 38.1,
      },
      {
        token: green,
        venueId: at.place.id,
        verifiedAt: '2026-02-10T03:00:00.000Z',
      },
    ])
    expect(response.json.results).toEqual([
      { status: 'invalid', code: 'DENY_COLOR' },
      { status: 'invalid', code: 'EXPIRED' },
      { status: 'invalid', code: 'FEVER' },
      { status: 'invalid', code: 'CLOCK_WRONG' },
    ])
  })

  it('takes at most 100 items', async () => {
    const at = await checkpoint()
    const item = {
      token: 'x',
      venueId: at.place.id,
      verifiedAt: START,
    }
    const response = await sync(at, Array(101).fill(item))
    expect(response.status).toBe(400)
    expect(response.json.errors[0]).toMatchObject({
      field: 'items',
      code: 'too_big',
    })
  })
})

describe('GET /v1/venues/{id}/stats', () => {
  it('counts check-ins and denials per day without personal data', async () => {
    const at = await checkpoint()
    const first = await resident(stack)
    const yellow = await resident(stack, SYMPTOMS)
    await passOf(first, at.place.codeText)
    const denied = await passOf(yellow, at.place.codeText)
    await verify(at, { token: denied })

    // 00:30 on 11 February in Hangzhou.
    stack.clock.set('2026-02-10T16:30:00.000Z')
    const late = await resident(stack)
    await passOf(late, at.place.codeText)
    const owner = {
      ...at.owner,
      token: await stack.signIn(at.owner.phone.raw, at.owner.phone.e164),
    }

    const response = await stack.request({
      method: 'GET',
      path: `/v1/venues/${at.place.id}/stats?from=2026-02-09&to=2026-02-11`,
      token: owner.token,
    })
    expect(response.status).toBe(200)
    expect(response.json).toEqual({
      venueId: at.place.id,
      from: '2026-02-09',
      to: '2026-02-11',
      days: [
        { date: '2026-02-09', checkins: 0, denied: 0 },
        { date: '2026-02-10', checkins: 2, denied: 1 },
        { date: '2026-02-11', checkins: 1, denied: 0 },
      ],
    })
  })

  it('rejects a range that ends before it starts or is too long', async () => {
    const at = await checkpoint()
    for (const query of [
      'from=2026-02-10&to=2026-02-09',
      'from=2026-01-01&to=2026-02-10',
    ]) {
      const response = await stack.request({
        method: 'GET',
        path: `/v1/venues/${at.place.id}/stats?${query}`,
        token: at.owner.token,
      })
      expect(response.status).toBe(400)
      expect(response.json.errors).toMatchObject([{ field: 'to' }])
    }
    const missing = await stack.request({
      method: 'GET',
      path: `/v1/venues/${at.place.id}/stats?from=2026-02-30`,
      token: at.owner.token,
    })
    expect(missing.status).toBe(400)
    expect(
      missing.json.errors.map((error: { field: string }) => error.field),
    ).toEqual(['from', 'to'])
  })
})
