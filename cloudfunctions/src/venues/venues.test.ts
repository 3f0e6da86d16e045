import { QueryCommand } from '@aws-sdk/lib-dynamodb'
import jsQR from 'jsqr'
import { PNG } from 'pngjs'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { nextPhone } from '../../test/ids'
import {
  business,
  guard,
  MARKET,
  refreshed,
  signedIn,
  venue,
} from '../../test/people'
import { httpEvent } from '../../test/events'
import { createTestStack, type TestStack } from '../../test/stack'
import { createVenueHandler } from './handler'

// 10:00 on 10 February in Hangzhou (UTC+8).
const START = '2026-02-10T02:00:00.000Z'
const CODE_TEXT = new RegExp(
  '^http://127\\.0\\.0\\.1:10086/c/hangzhou/' +
    '([A-Za-z0-9_-]{22})\\.1\\.[A-Za-z0-9_-]{22}$',
)

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

function createVenue(token: string, body: unknown, language = 'zh') {
  return stack.request({
    method: 'POST',
    path: '/v1/venues',
    token,
    body,
    headers: { 'accept-language': language },
  })
}

function get(token: string, path: string) {
  return stack.request({ method: 'GET', path, token })
}

describe('POST /v1/venues', () => {
  it('creates a venue with its code and policies', async () => {
    const owner = await business(stack)
    const response = await createVenue(owner.token, MARKET)
    expect(response.status).toBe(201)
    expect(response.json).toEqual({
      id: expect.stringMatching(/^[A-Za-z0-9_-]{22}$/),
      name: '西湖农贸市场',
      address: '杭州市西湖区文三路1号',
      type: 'market',
      location: { lat: 30.2741, lng: 120.1551 },
      policy: { temperatureRequired: false, recordDocument: false },
      guardPolicy: {
        temperatureRequired: false,
        recordDocument: false,
        feverCelsius: 37.3,
        denyColors: ['yellow', 'red'],
        clockSkewSeconds: 300,
      },
      codeVersion: 1,
      codeText: expect.stringMatching(CODE_TEXT),
      createdAt: START,
      access: 'owner',
    })
    expect(CODE_TEXT.exec(response.json.codeText)?.[1]).toBe(response.json.id)
  })

  it.each([
    ['a formula', '=HYPERLINK("http://evil.example","点我")'],
    ['a leading plus', '+86 便利店'],
    ['a leading minus', '-10% 折扣店'],
    ['a leading at sign', '@home 咖啡'],
    ['HTML', '<script>alert(1)</script><b>店</b>'],
    ['quotes and ampersands', `"老王's" & Sons`],
    ['Arabic', 'مطعم الشرق'],
    ['emoji', '🍜 拉面馆 👍🏽'],
    ['combining marks', 'Cafe\u0301 Zu\u0308rich'],
    ['100 Han characters', '店'.repeat(100)],
    ['100 emoji', '🍜'.repeat(100)],
  ])('stores a name with %s as it is', async (_label, name) => {
    const owner = await business(stack)
    const created = await createVenue(owner.token, { ...MARKET, name })
    expect(created.status).toBe(201)
    expect(created.json.name).toBe(name)
    const read = await get(owner.token, `/v1/venues/${created.json.id}`)
    expect(read.json.name).toBe(name)
  })

  it('trims spaces around the name', async () => {
    const owner = await business(stack)
    const created = await createVenue(owner.token, {
      ...MARKET,
      name: '  西湖 市场  ',
    })
    expect(created.json.name).toBe('西湖 市场')
  })

  it.each([
    ['101 characters', '店'.repeat(101)],
    ['only spaces', '   '],
    ['a tab', '西湖\t市场'],
    ['a newline', '西湖\n市场'],
    ['a line separator', '西湖\u2028市场'],
  ])('rejects a name with %s', async (_label, name) => {
    const owner = await business(stack)
    const before = await stack.snapshot()
    const response = await createVenue(owner.token, { ...MARKET, name })
    expect(response.status).toBe(400)
    expect(response.json.code).toBe('VALIDATION_FAILED')
    const fields = response.json.errors.map(
      (error: { field: string }) => error.field,
    )
    expect(fields).toEqual(['name'])
    expect(await stack.snapshot()).toEqual(before)
  })

  it('names invalid coordinates and an unknown type', async () => {
    const owner = await business(stack)
    const response = await createVenue(
      owner.token,
      { ...MARKET, type: 'casino', location: { lat: 91, lng: -181 } },
      'en',
    )
    expect(response.status).toBe(400)
    expect(response.json.errors).toEqual([
      {
        field: 'type',
        code: 'invalid_value',
        message:
          'Venue type: This value must be one of: market, ' +
          'residential_compound, subway_bus, bank, office, hospital, ' +
          'train_station, school, restaurant, other.',
      },
      {
        field: 'location.lat',
        code: 'too_big',
        message: 'Latitude: This value must be at most 90.',
      },
      {
        field: 'location.lng',
        code: 'too_small',
        message: 'Longitude: This value must be at least -180.',
      },
    ])
  })

  it('lets a hospital record documents', async () => {
    const owner = await business(stack)
    const policy = { temperatureRequired: true, recordDocument: true }
    const response = await createVenue(owner.token, {
      ...MARKET,
      type: 'hospital',
      policy,
    })
    expect(response.status).toBe(201)
    expect(response.json.policy).toEqual(policy)
    expect(response.json.guardPolicy.temperatureRequired).toBe(true)
  })

  it('keeps a restaurant from recording documents', async () => {
    const owner = await business(stack)
    const response = await createVenue(owner.token, {
      ...MARKET,
      type: 'restaurant',
      policy: { temperatureRequired: false, recordDocument: true },
    })
    expect(response.status).toBe(400)
    expect(response.json.code).toBe('VENUE_POLICY_NOT_ALLOWED')
    expect(response.json.errors).toEqual([
      {
        field: 'policy.recordDocument',
        code: 'VENUE_POLICY_NOT_ALLOWED',
        message: expect.stringMatching(/^核对证件：/),
      },
    ])
  })
})

describe('venue access', () => {
  it('lists only the caller own venues', async () => {
    const first = await business(stack)
    const second = await business(stack)
    const mine = await venue(stack, first, { name: '甲店' })
    await venue(stack, second, { name: '乙店' })
    const list = await get(first.token, '/v1/venues')
    expect(list.json.items.map((item: { id: string }) => item.id)).toEqual([
      mine.id,
    ])
  })

  it('hides another business venue as not found', async () => {
    const first = await business(stack)
    const second = await business(stack)
    const theirs = await venue(stack, second)
    for (const path of [
      `/v1/venues/${theirs.id}`,
      `/v1/venues/${theirs.id}/poster`,
      `/v1/venues/${theirs.id}/stats?from=2026-02-10&to=2026-02-10`,
    ]) {
      const response = await get(first.token, path)
      expect(response.status).toBe(404)
      expect(response.json.code).toBe('NOT_FOUND')
    }
    const rotate = await stack.request({
      method: 'POST',
      path: `/v1/venues/${theirs.id}/rotate`,
      token: first.token,
    })
    expect(rotate.status).toBe(404)
  })

  it('answers an unknown or malformed id with not found', async () => {
    const owner = await business(stack)
    for (const id of ['AAAAAAAAAAAAAAAAAAAAAA', 'x', '%E4%B8%AD', 'a%2Fb']) {
      const response = await get(owner.token, `/v1/venues/${id}`)
      expect(response.status).toBe(404)
    }
  })
})

describe('POST /v1/venues/{id}/guards', () => {
  it('creates the account of a phone that never signed in', async () => {
    const owner = await business(stack)
    const place = await venue(stack, owner)
    const phone = nextPhone('139')
    const response = await stack.request({
      method: 'POST',
      path: `/v1/venues/${place.id}/guards`,
      token: owner.token,
      body: { phone: phone.raw },
    })
    expect(response.status).toBe(201)
    expect(response.json).toEqual({
      venueId: place.id,
      maskedPhone: `+86 139****${phone.raw.slice(-4)}`,
      accountCreated: true,
    })
    const guardToken = await stack.signIn(phone.raw, phone.e164)
    const session = JSON.parse(
      Buffer.from(guardToken.split('.')[1] ?? '', 'base64url').toString(),
    )
    expect(session.role).toBe('guard')
    expect(session.roles).toEqual(['guard', 'resident'])
  })

  it('lets the guard see that venue only, marked as guarded', async () => {
    const owner = await business(stack)
    const guarded = await venue(stack, owner, { name: '甲' })
    await venue(stack, owner, { name: '乙' })
    const watcher = await guard(stack, owner, guarded.id)
    const list = await get(watcher.token, '/v1/venues')
    expect(list.json.items).toHaveLength(1)
    expect(list.json.items[0]).toMatchObject({
      id: guarded.id,
      access: 'guard',
    })
    const single = await get(watcher.token, `/v1/venues/${guarded.id}`)
    expect(single.json.access).toBe('guard')
  })

  it('keeps a guard away from business routes', async () => {
    const owner = await business(stack)
    const place = await venue(stack, owner)
    const watcher = await guard(stack, owner, place.id)
    const rotate = await stack.request({
      method: 'POST',
      path: `/v1/venues/${place.id}/rotate`,
      token: watcher.token,
    })
    expect(rotate.status).toBe(403)
    expect(rotate.json.code).toBe('FORBIDDEN_ROLE')
  })

  it('adds a signed-in resident without a new account', async () => {
    const owner = await business(stack)
    const place = await venue(stack, owner)
    const person = await signedIn(stack)
    const response = await stack.request({
      method: 'POST',
      path: `/v1/venues/${place.id}/guards`,
      token: owner.token,
      body: { phone: person.phone.raw },
    })
    expect(response.json.accountCreated).toBe(false)
    const session = await refreshed(stack, person.token)
    const list = await get(session, '/v1/venues')
    expect(list.json.items.map((item: { id: string }) => item.id)).toEqual([
      place.id,
    ])
  })

  it('keeps one guard entry when added twice', async () => {
    const owner = await business(stack)
    const place = await venue(stack, owner)
    const phone = nextPhone()
    for (let i = 0; i < 2; i++) {
      const response = await stack.request({
        method: 'POST',
        path: `/v1/venues/${place.id}/guards`,
        token: owner.token,
        body: { phone: phone.raw },
      })
      expect(response.status).toBe(201)
    }
    const token = await stack.signIn(phone.raw, phone.e164)
    const list = await get(token, '/v1/venues')
    expect(list.json.items).toHaveLength(1)
  })

  it('rejects an invalid phone', async () => {
    const owner = await business(stack)
    const place = await venue(stack, owner)
    const response = await stack.request({
      method: 'POST',
      path: `/v1/venues/${place.id}/guards`,
      token: owner.token,
      body: { phone: '12345' },
    })
    expect(response.status).toBe(400)
    expect(response.json.code).toBe('PHONE_INVALID')
  })

  it('does not add a guard to another business venue', async () => {
    const first = await business(stack)
    const second = await business(stack)
    const theirs = await venue(stack, second)
    const before = await stack.snapshot()
    const response = await stack.request({
      method: 'POST',
      path: `/v1/venues/${theirs.id}/guards`,
      token: first.token,
      body: { phone: nextPhone().raw },
    })
    expect(response.status).toBe(404)
    expect(await stack.snapshot()).toEqual(before)
  })
})

describe('POST /v1/venues/{id}/rotate', () => {
  it('increments the version and audits the change', async () => {
    const owner = await business(stack)
    const place = await venue(stack, owner)
    stack.clock.set('2026-02-10T09:00:00.000Z')
    const response = await stack.request({
      method: 'POST',
      path: `/v1/venues/${place.id}/rotate`,
      token: owner.token,
    })
    expect(response.status).toBe(200)
    expect(response.json.codeVersion).toBe(2)
    expect(response.json.codeText).toMatch(
      new RegExp(`/c/hangzhou/${place.id}\\.2\\.[A-Za-z0-9_-]{22}$`),
    )
    expect(response.json.codeText).not.toBe(place.codeText)
    const audit = await stack.runtime.db.send(
      new QueryCommand({
        TableName: stack.runtime.tables.venueAudit,
        KeyConditionExpression: 'venueId = :venueId',
        ExpressionAttributeValues: { ':venueId': place.id },
      }),
    )
    expect(audit.Items).toEqual([
      {
        venueId: place.id,
        eventId: expect.stringMatching(/^2026-02-10T09:00:00\.000Z#/),
        at: '2026-02-10T09:00:00.000Z',
        actor: { accountId: expect.any(String), role: 'business' },
        kind: 'code_rotated',
        fromVersion: 1,
        toVersion: 2,
      },
    ])
  })
})

describe('GET /v1/venues/{id}/poster', () => {
  function poster(token: string, id: string, format?: string) {
    const query = format === undefined ? '' : `?format=${format}`
    return get(token, `/v1/venues/${id}/poster${query}`)
  }

  it('returns a PDF by default', async () => {
    const owner = await business(stack)
    const place = await venue(stack, owner)
    const response = await poster(owner.token, place.id)
    expect(response.status).toBe(200)
    expect(response.headers['content-type']).toBe('application/pdf')
    expect(response.headers['content-disposition']).toBe(
      `inline; filename="venue-${place.id}-v1.pdf"`,
    )
    const head = Buffer.from(response.bytes ?? []).subarray(0, 5).toString()
    expect(head).toBe('%PDF-')
  })

  it('returns a PNG whose QR code is the venue code', async () => {
    const owner = await business(stack)
    const place = await venue(stack, owner, { name: '=cmd|"/c calc"!A1' })
    const first = await poster(owner.token, place.id, 'png')
    expect(first.headers['content-type']).toBe('image/png')
    const image = PNG.sync.read(Buffer.from(first.bytes ?? []))
    const decoded = jsQR(
      new Uint8ClampedArray(image.data),
      image.width,
      image.height,
    )
    expect(decoded?.data).toBe(place.codeText)
    const second = await poster(owner.token, place.id, 'png')
    expect(Buffer.from(second.bytes ?? [])).toEqual(
      Buffer.from(first.bytes ?? []),
    )
  })

  it('reports a failed renderer as unavailable', async () => {
    const failing = createVenueHandler(stack.runtime, {
      pdf: async () => {
        throw new Error('font file missing')
      },
      png: async () => {
        throw new Error('font file missing')
      },
    })
    const owner = await business(stack)
    const place = await venue(stack, owner)
    const result = await failing(
      httpEvent({
        method: 'GET',
        path: `/v1/venues/${place.id}/poster`,
        token: owner.token,
      }),
    )
    expect(result.statusCode).toBe(503)
    expect(result.headers?.['retry-after']).toBe('60')
    expect(JSON.parse(result.body ?? '{}').code).toBe('POSTER_UNAVAILABLE')
  })

  it('rejects an unknown format', async () => {
    const owner = await business(stack)
    const place = await venue(stack, owner)
    const response = await poster(owner.token, place.id, 'svg')
    expect(response.status).toBe(400)
    expect(response.json.errors[0]).toMatchObject({
      field: 'format',
      code: 'invalid_value',
    })
  })
})
