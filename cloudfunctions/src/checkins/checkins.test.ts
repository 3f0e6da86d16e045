import { QueryCommand, ScanCommand } from '@aws-sdk/lib-dynamodb'
import { verifyCodeToken } from '@healthcode/shared'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { nextMainlandId } from '../../test/ids'
import {
  business,
  checkIn,
  resident,
  SYMPTOMS,
  venue,
  type Person,
  type Resident,
} from '../../test/people'
import {
  createTestStack,
  TEST_BASE_URL,
  type TestStack,
} from '../../test/stack'
import { signatureOf } from '../venues/codes'

// 10:00 on 10 February in Hangzhou (UTC+8).
const START = '2026-02-10T02:00:00.000Z'
const START_SECONDS = Date.parse(START) / 1000
const DAY_SECONDS = 86_400
const KEY = '0f6c2d7e-4b1a-4c3e-9d2f-6a8b0c1d2e3f'

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

type VenueJson = { id: string; codeText: string; name: string }

async function ownerWithVenue(
  overrides: Record<string, unknown> = {},
): Promise<{ owner: Person; place: VenueJson }> {
  const owner = await business(stack)
  return { owner, place: await venue(stack, owner, overrides) }
}

// Signs a venue code with the stage's key, for codes the routes never
// issue: other cities, other versions, unknown venues.
function signedCode(city: string, venueId: string, version: number): string {
  const signature = signatureOf(
    { city, baseUrl: TEST_BASE_URL, key: stack.runtime.venueCodeKey },
    venueId,
    version,
  )
  return `${TEST_BASE_URL}/c/${city}/${venueId}.${version}.${signature}`
}

async function storedCheckins(residentId: string) {
  const output = await stack.runtime.db.send(
    new QueryCommand({
      TableName: stack.runtime.tables.checkins,
      IndexName: 'byResident',
      KeyConditionExpression: 'residentId = :residentId',
      ExpressionAttributeValues: { ':residentId': residentId },
    }),
  )
  return output.Items ?? []
}

async function signInAgain(person: Resident): Promise<Resident> {
  return {
    ...person,
    token: await stack.signIn(person.phone.raw, person.phone.e164),
  }
}

describe('POST /v1/checkins', () => {
  it('records a check-in and returns a pass for the venue', async () => {
    const { place } = await ownerWithVenue()
    const person = await resident(stack)
    const response = await checkIn(stack, person, place.codeText)
    expect(response.status).toBe(201)
    expect(response.json).toEqual({
      checkin: {
        id: expect.stringMatching(/^[A-Za-z0-9_-]{22}$/),
        venueId: place.id,
        venueName: '西湖农贸市场',
        venueType: 'market',
        at: START,
        flags: [],
        source: 'scan',
      },
      pass: {
        token: expect.any(String),
        expiresAt: '2026-02-10T02:01:00.000Z',
        color: 'green',
      },
    })
    const verified = verifyCodeToken(response.json.pass.token, {
      keys: stack.runtime.keys.verification,
      issuer: 'hangzhou',
      now: stack.clock.now(),
    })
    if (verified.kind !== 'ok') {
      throw new Error(`Not verified: ${verified.kind}`)
    }
    expect(verified.claims).toEqual({
      iss: 'hangzhou',
      sub: expect.stringMatching(/^[A-Za-z0-9_-]{22}$/),
      col: 'green',
      iat: START_SECONDS,
      exp: START_SECONDS + 60,
      jti: expect.stringMatching(/^[A-Za-z0-9_-]{22}$/),
      ven: place.id,
    })
    expect(verified.claims.sub).not.toBe(person.residentId)
  })

  it('stores the check-in by venue and city day with a TTL', async () => {
    const { place } = await ownerWithVenue()
    const person = await resident(stack)
    // 01:30 on 11 February in Hangzhou, still 10 February in UTC.
    stack.clock.set('2026-02-10T17:30:00.000Z')
    const late = await signInAgain(person)
    const response = await checkIn(stack, late, place.codeText)
    const id = response.json.checkin.id
    expect(await storedCheckins(person.residentId)).toEqual([
      {
        pk: `venue#${place.id}#2026-02-11`,
        sk: `2026-02-10T17:30:00.000Z#${id}`,
        checkinId: id,
        venueId: place.id,
        venueName: '西湖农贸市场',
        venueType: 'market',
        residentId: person.residentId,
        at: '2026-02-10T17:30:00.000Z',
        source: 'scan',
        flags: [],
        position: { lat: 30.2741, lng: 120.1551 },
        ttl: Date.parse('2026-02-10T17:30:00.000Z') / 1000 + 28 * DAY_SECONDS,
      },
    ])
  })

  it('gives a yellow resident a yellow pass', async () => {
    const { place } = await ownerWithVenue()
    const person = await resident(stack, SYMPTOMS)
    const response = await checkIn(stack, person, place.codeText)
    expect(response.status).toBe(201)
    expect(response.json.pass.color).toBe('yellow')
  })

  it('requires a registered resident', async () => {
    const { place } = await ownerWithVenue()
    const person = await business(stack)
    const response = await checkIn(stack, person, place.codeText)
    expect(response.status).toBe(404)
    expect(response.json.code).toBe('NOT_REGISTERED')
  })

  it('requires a health declaration', async () => {
    const { place } = await ownerWithVenue()
    const person = await resident(stack, null)
    const before = await stack.snapshot()
    const response = await checkIn(stack, person, place.codeText)
    expect(response.status).toBe(409)
    expect(response.json.code).toBe('QUESTIONNAIRE_REQUIRED')
    expect(await stack.snapshot()).toEqual(before)
  })
})

describe('venue codes', () => {
  it('rejects every code that is not one of this city', async () => {
    const { place } = await ownerWithVenue()
    const person = await resident(stack)
    const signature = place.codeText.slice(-22)
    const flipped = signature[0] === 'A' ? 'B' : 'A'
    const otherKey = signatureOf(
      { city: 'hangzhou', baseUrl: TEST_BASE_URL, key: new Uint8Array(32) },
      place.id,
      1,
    )
    const cases = [
      place.codeText.slice(0, -22) + flipped + signature.slice(1),
      place.codeText.slice(0, -22) + otherKey,
      place.codeText.replace(
        TEST_BASE_URL,
        'https://hangzhou.health-code.example',
      ),
      signedCode('shanghai', place.id, 1),
      signedCode('hangzhou', place.id, 2),
      signedCode('hangzhou', 'AAAAAAAAAAAAAAAAAAAAAA', 1),
      'https://example.com/c/hangzhou?id=1',
      '{"venue":"西湖农贸市场"}',
      place.codeText.replace('hangzhou', 'hángzhou'),
      `${place.codeText}\u200b`,
      '',
    ]
    const before = await stack.snapshot()
    for (const code of cases) {
      const response = await stack.request({
        method: 'POST',
        path: '/v1/checkins',
        token: person.token,
        body: { code },
        headers: { 'accept-language': 'en' },
      })
      expect(response.status, code).toBe(400)
      expect(response.json.code, code).toBe('VENUE_CODE_INVALID')
      expect(response.json.title).toBe('Not a venue code of this city')
    }
    expect(await stack.snapshot()).toEqual(before)
  })

  it('keeps a replaced code working for the grace period', async () => {
    const { owner, place } = await ownerWithVenue()
    const rotated = await stack.request({
      method: 'POST',
      path: `/v1/venues/${place.id}/rotate`,
      token: owner.token,
    })
    expect(rotated.json.codeVersion).toBe(2)
    const person = await resident(stack)

    stack.clock.set('2026-02-11T01:00:00.000Z')
    const later = await signInAgain(person)
    stack.clock.set('2026-02-11T01:59:59.000Z')
    const inGrace = await checkIn(stack, later, place.codeText)
    expect(inGrace.status).toBe(201)
    expect(inGrace.json.checkin.venueId).toBe(place.id)

    stack.clock.set('2026-02-11T02:00:00.000Z')
    const expired = await stack.request({
      method: 'POST',
      path: '/v1/checkins',
      token: later.token,
      body: { code: place.codeText },
      headers: { 'accept-language': 'en' },
    })
    expect(expired.status).toBe(410)
    expect(expired.json.code).toBe('VENUE_CODE_ROTATED')
    expect(expired.json.detail).toBe(
      'This code was replaced. Scan the new poster at the venue.',
    )
    const current = await checkIn(stack, later, rotated.json.codeText)
    expect(current.json.checkin.venueId).toBe(place.id)
  })
})

describe('retries and repeated scans', () => {
  it('returns the same check-in and pass for the same key', async () => {
    const { place } = await ownerWithVenue()
    const person = await resident(stack)
    const headers = { 'idempotency-key': KEY }
    const first = await checkIn(stack, person, place.codeText, { headers })
    stack.clock.advanceSeconds(5)
    const retry = await checkIn(stack, person, place.codeText, { headers })
    expect(first.status).toBe(201)
    expect(retry.status).toBe(201)
    expect(retry.json).toEqual(first.json)
    expect(await storedCheckins(person.residentId)).toHaveLength(1)
  })

  it('keeps keys of different residents apart', async () => {
    const { place } = await ownerWithVenue()
    const headers = { 'idempotency-key': KEY }
    const first = await checkIn(stack, await resident(stack), place.codeText, {
      headers,
    })
    const second = await checkIn(stack, await resident(stack), place.codeText, {
      headers,
    })
    expect(second.status).toBe(201)
    expect(second.json.checkin.id).not.toBe(first.json.checkin.id)
  })

  it('rejects a key reused with another body', async () => {
    const { place } = await ownerWithVenue()
    const other = await venue(stack, await business(stack))
    const person = await resident(stack)
    const headers = { 'idempotency-key': '7d1e0c2a-reuse-key-0001' }
    await checkIn(stack, person, place.codeText, { headers })
    const response = await checkIn(stack, person, other.codeText, { headers })
    expect(response.status).toBe(422)
    expect(response.json.code).toBe('IDEMPOTENCY_KEY_REUSED')
    expect(await storedCheckins(person.residentId)).toHaveLength(1)
  })

  it('rejects a malformed key', async () => {
    const { place } = await ownerWithVenue()
    const person = await resident(stack)
    const response = await checkIn(stack, person, place.codeText, {
      headers: { 'idempotency-key': 'short' },
    })
    expect(response.status).toBe(400)
    expect(response.json.code).toBe('IDEMPOTENCY_KEY_INVALID')
  })

  it('returns the first check-in with a new pass within the stay', async () => {
    const { place } = await ownerWithVenue()
    const person = await resident(stack)
    const first = await checkIn(stack, person, place.codeText)
    stack.clock.advanceSeconds(119 * 60)
    const again = await checkIn(stack, person, place.codeText)
    expect(again.status).toBe(200)
    expect(again.json.checkin).toEqual(first.json.checkin)
    expect(again.json.pass.token).not.toBe(first.json.pass.token)
    expect(again.json.pass.expiresAt).toBe('2026-02-10T04:00:00.000Z')
  })

  it('records a new check-in once the stay is over', async () => {
    const { place } = await ownerWithVenue()
    const person = await resident(stack)
    const first = await checkIn(stack, person, place.codeText)
    stack.clock.advanceSeconds(120 * 60)
    const again = await checkIn(stack, person, place.codeText)
    expect(again.status).toBe(201)
    expect(again.json.checkin.id).not.toBe(first.json.checkin.id)
    expect(await storedCheckins(person.residentId)).toHaveLength(2)
  })

  it('records one check-in for 20 concurrent scans', async () => {
    const { place } = await ownerWithVenue()
    const person = await resident(stack)
    const responses = await Promise.all(
      Array.from({ length: 20 }, () => checkIn(stack, person, place.codeText)),
    )
    const statuses = responses.map((response) => response.status).sort()
    expect(statuses).toEqual([201, ...Array(19).fill(200)].sort())
    const ids = new Set(responses.map((response) => response.json.checkin.id))
    expect(ids.size).toBe(1)
    expect(await storedCheckins(person.residentId)).toHaveLength(1)
    const presence = await stack.runtime.db.send(
      new ScanCommand({ TableName: stack.runtime.tables.presence }),
    )
    const mine = (presence.Items ?? []).filter(
      (item) => item.pk === `${person.residentId}#${place.id}`,
    )
    expect(mine).toHaveLength(1)
  })

  it('answers 20 concurrent retries of one key without an error', async () => {
    const { place } = await ownerWithVenue()
    const person = await resident(stack)
    const headers = { 'idempotency-key': '5b0f3c1e-concurrent-0001' }
    const responses = await Promise.all(
      Array.from({ length: 20 }, () =>
        checkIn(stack, person, place.codeText, { headers }),
      ),
    )
    for (const response of responses) {
      expect([201, 409]).toContain(response.status)
      if (response.status === 409) {
        expect(response.json.code).toBe('IDEMPOTENCY_IN_PROGRESS')
        expect(response.headers['retry-after']).toBe('1')
      }
    }
    expect(await storedCheckins(person.residentId)).toHaveLength(1)
    const replay = await checkIn(stack, person, place.codeText, { headers })
    const created = responses.find((response) => response.status === 201)
    expect(replay.json).toEqual(created?.json)
  })
})

describe('flags', () => {
  it('flags travel faster than the city allows', async () => {
    const hangzhou = await ownerWithVenue()
    const beijing = await ownerWithVenue({
      name: '北京西站',
      type: 'train_station',
      location: { lat: 39.8946, lng: 116.3214 },
    })
    const person = await resident(stack)
    await checkIn(stack, person, hangzhou.place.codeText)
    // About 1,130 km in 30 minutes.
    stack.clock.advanceSeconds(30 * 60)
    const response = await checkIn(stack, person, beijing.place.codeText)
    expect(response.json.checkin.flags).toEqual(['implausible_travel'])
    expect(response.json.pass.color).toBe('green')
  })

  it('does not flag a trip at a plausible speed', async () => {
    const first = await ownerWithVenue()
    const near = await ownerWithVenue({
      name: '武林广场',
      location: { lat: 30.2772, lng: 120.1640 },
    })
    const person = await resident(stack)
    await checkIn(stack, person, first.place.codeText)
    stack.clock.advanceSeconds(10 * 60)
    const response = await checkIn(stack, person, near.place.codeText)
    expect(response.json.checkin.flags).toEqual([])
  })

  it('uses the phone location for a venue without coordinates', async () => {
    const first = await ownerWithVenue()
    const unplaced = await ownerWithVenue({
      location: undefined,
      name: '无坐标',
    })
    const person = await resident(stack)
    await checkIn(stack, person, first.place.codeText)
    stack.clock.advanceSeconds(60)
    const response = await checkIn(stack, person, unplaced.place.codeText, {
      body: { location: { lat: 31.2304, lng: 121.4737 } },
    })
    expect(response.json.checkin.flags).toEqual(['implausible_travel'])
  })

  it('flags a phone clock off by more than the tolerance', async () => {
    const { place } = await ownerWithVenue()
    const person = await resident(stack)
    const response = await checkIn(stack, person, place.codeText, {
      body: { clientTime: '2026-02-10T09:54:59+08:00' },
    })
    expect(response.json.checkin.at).toBe(START)
    expect(response.json.checkin.flags).toEqual(['client_clock_skew'])
    const [stored] = await storedCheckins(person.residentId)
    expect(stored?.clientTime).toBe('2026-02-10T09:54:59+08:00')
  })

  it('accepts a phone clock within the tolerance', async () => {
    const { place } = await ownerWithVenue()
    const person = await resident(stack)
    const response = await checkIn(stack, person, place.codeText, {
      body: { clientTime: '2026-02-10T02:05:00Z' },
    })
    expect(response.json.checkin.flags).toEqual([])
  })
})

describe('history', () => {
  it('lists own check-ins newest first', async () => {
    const market = await ownerWithVenue()
    const bank = await ownerWithVenue({ name: '工商银行', type: 'bank' })
    const person = await resident(stack)
    const other = await resident(stack)
    await checkIn(stack, person, market.place.codeText)
    stack.clock.advanceSeconds(3600)
    await checkIn(stack, person, bank.place.codeText)
    await checkIn(stack, other, bank.place.codeText)
    const response = await stack.request({
      method: 'GET',
      path: '/v1/residents/me/checkins',
      token: person.token,
    })
    expect(response.status).toBe(200)
    expect(
      response.json.items.map((item: { venueName: string; at: string }) => [
        item.venueName,
        item.at,
      ]),
    ).toEqual([
      ['工商银行', '2026-02-10T03:00:00.000Z'],
      ['西湖农贸市场', START],
    ])
  })

  it('shows one check-in to its resident only', async () => {
    const { place } = await ownerWithVenue()
    const person = await resident(stack)
    const other = await resident(stack)
    const created = await checkIn(stack, person, place.codeText)
    const path = `/v1/checkins/${created.json.checkin.id}`
    const own = await stack.request({
      method: 'GET',
      path,
      token: person.token,
    })
    expect(own.status).toBe(200)
    expect(own.json).toEqual(created.json.checkin)
    const theirs = await stack.request({
      method: 'GET',
      path,
      token: other.token,
    })
    expect(theirs.status).toBe(404)
    expect(theirs.json.code).toBe('NOT_FOUND')
  })

  it('hides check-ins past the retention period', async () => {
    const { place } = await ownerWithVenue()
    const person = await resident(stack)
    const created = await checkIn(stack, person, place.codeText)
    stack.clock.set('2026-03-10T01:00:00.000Z')
    const after = await signInAgain(person)
    stack.clock.set('2026-03-10T01:59:59.000Z')
    const beforeExpiry = await stack.request({
      method: 'GET',
      path: '/v1/residents/me/checkins',
      token: after.token,
    })
    expect(beforeExpiry.json.items).toHaveLength(1)

    stack.clock.set('2026-03-10T02:00:00.000Z')
    const history = await stack.request({
      method: 'GET',
      path: '/v1/residents/me/checkins',
      token: after.token,
    })
    expect(history.json.items).toEqual([])
    const single = await stack.request({
      method: 'GET',
      path: `/v1/checkins/${created.json.checkin.id}`,
      token: after.token,
    })
    expect(single.status).toBe(404)

    // DynamoDB has not deleted it yet, so the read filter hid it.
    expect(await storedCheckins(person.residentId)).toHaveLength(1)
  })
})

describe('Shanghai', () => {
  let shanghai: TestStack

  beforeAll(async () => {
    shanghai = await createTestStack({ start: START, city: 'shanghai' })
  })

  afterAll(async () => {
    await shanghai.close()
  })

  it('hides the color on the pass but signs it', async () => {
    const owner = await business(shanghai)
    const place = await venue(shanghai, owner, {
      policy: { temperatureRequired: true, recordDocument: false },
    })
    const person = await resident(shanghai, SYMPTOMS, nextMainlandId('310101'))
    const response = await checkIn(shanghai, person, place.codeText)
    expect(response.status).toBe(201)
    expect(response.json.pass.color).toBeNull()
    const claims = JSON.parse(
      Buffer.from(
        response.json.pass.token.split('.')[1],
        'base64url',
      ).toString(),
    )
    expect(claims.col).toBe('yellow')
    expect(claims.iss).toBe('shanghai')
  })

  it('rejects a Hangzhou venue code', async () => {
    const { place } = await ownerWithVenue()
    const person = await resident(shanghai, undefined, nextMainlandId('310101'))
    const response = await checkIn(shanghai, person, place.codeText)
    expect(response.status).toBe(400)
    expect(response.json.code).toBe('VENUE_CODE_INVALID')
  })
})
