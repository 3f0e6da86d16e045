import { signToken, verifySessionToken } from '@healthcode/shared'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { creditCode, nextCreditCode } from '../../test/ids'
import { business, refreshed, signedIn } from '../../test/people'
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

function register(token: string, body: unknown) {
  return stack.request({
    method: 'POST',
    path: '/v1/businesses',
    token,
    body,
  })
}

describe('POST /v1/businesses', () => {
  it('adds the business role to the account', async () => {
    const person = await signedIn(stack)
    const code = nextCreditCode()
    const response = await register(person.token, {
      name: '  西湖银泰  ',
      creditCode: code.toLowerCase(),
    })
    expect(response.status).toBe(201)
    expect(response.json).toEqual({
      business: { name: '西湖银泰', creditCode: code, createdAt: START },
      roles: ['business', 'resident'],
    })
  })

  it('returns the same business for a repeated request', async () => {
    const person = await signedIn(stack)
    const code = nextCreditCode()
    await register(person.token, { name: '银泰', creditCode: code })
    const again = await register(person.token, {
      name: '银泰',
      creditCode: code,
    })
    expect(again.status).toBe(200)
    expect(again.json.business.creditCode).toBe(code)
  })

  it('rejects a credit code another account registered', async () => {
    const code = nextCreditCode()
    const first = await signedIn(stack)
    await register(first.token, { name: '银泰', creditCode: code })
    const second = await signedIn(stack)
    const response = await register(second.token, {
      name: '银泰',
      creditCode: code,
    })
    expect(response.status).toBe(409)
    expect(response.json.code).toBe('CREDIT_CODE_TAKEN')
  })

  it('rejects a second business of one account', async () => {
    const person = await signedIn(stack)
    await register(person.token, { name: '甲', creditCode: nextCreditCode() })
    const response = await register(person.token, {
      name: '乙',
      creditCode: nextCreditCode(),
    })
    expect(response.status).toBe(409)
    expect(response.json.code).toBe('BUSINESS_ALREADY_REGISTERED')
  })

  it('names the field of a wrong check character', async () => {
    const person = await signedIn(stack)
    const valid = creditCode('91330106MA2H00001')
    const wrong = valid.slice(0, 17) + (valid.endsWith('0') ? '1' : '0')
    const before = await stack.snapshot()
    const response = await stack.request({
      method: 'POST',
      path: '/v1/businesses',
      token: person.token,
      headers: { 'accept-language': 'en' },
      body: { name: '甲', creditCode: wrong },
    })
    expect(response.status).toBe(400)
    expect(response.json.code).toBe('CREDIT_CODE_CHECKSUM_INVALID')
    expect(response.json.errors).toEqual([
      {
        field: 'creditCode',
        code: 'CREDIT_CODE_CHECKSUM_INVALID',
        message: expect.stringMatching(/^Unified social credit code: /),
      },
    ])
    expect(await stack.snapshot()).toEqual(before)
  })

  it('rejects a code of the wrong length as a format error', async () => {
    const person = await signedIn(stack)
    const response = await register(person.token, {
      name: '甲',
      creditCode: '9133010',
    })
    expect(response.json.code).toBe('CREDIT_CODE_FORMAT_INVALID')
  })
})

describe('POST /v1/auth/refresh', () => {
  it('issues a session with the current roles', async () => {
    const owner = await business(stack)
    const verified = verifySessionToken(owner.token, {
      keys: stack.runtime.keys.verification,
      issuer: 'hangzhou',
      now: stack.clock.now(),
    })
    if (verified.kind !== 'ok') {
      throw new Error(`Not verified: ${verified.kind}`)
    }
    expect(verified.claims).toEqual({
      iss: 'hangzhou',
      sub: expect.any(String),
      role: 'business',
      roles: ['business', 'resident'],
      iat: START_SECONDS,
      exp: START_SECONDS + 12 * 3600,
      jti: expect.any(String),
    })
  })

  it('returns roles and the primary role in the response', async () => {
    const person = await signedIn(stack)
    const response = await stack.request({
      method: 'POST',
      path: '/v1/auth/refresh',
      token: person.token,
    })
    expect(response.status).toBe(200)
    expect(response.json).toEqual({
      token: expect.any(String),
      expiresAt: '2026-02-10T14:00:00.000Z',
      role: 'resident',
      roles: ['resident'],
      registered: false,
    })
  })

  it('keeps serving a session signed before roles existed', async () => {
    const person = await signedIn(stack)
    const accountId = JSON.parse(
      Buffer.from(person.token.split('.')[1] ?? '', 'base64url').toString(),
    ).sub
    const keys = stack.runtime.keys
    const legacy = signToken(
      { kid: keys.signing.kid, typ: 'hc-session' },
      {
        iss: 'hangzhou',
        sub: accountId,
        role: 'resident',
        iat: START_SECONDS,
        exp: START_SECONDS + 3600,
        jti: 'legacy-session',
      },
      keys.signing.privateKey,
    )
    const response = await stack.request({
      method: 'POST',
      path: '/v1/auth/refresh',
      token: legacy,
    })
    expect(response.status).toBe(200)
    expect(response.json.roles).toEqual(['resident'])
  })

  it('rejects a session of an account that does not exist', async () => {
    const keys = stack.runtime.keys
    const ghost = signToken(
      { kid: keys.signing.kid, typ: 'hc-session' },
      {
        iss: 'hangzhou',
        sub: 'no-such-account',
        role: 'resident',
        roles: ['resident'],
        iat: START_SECONDS,
        exp: START_SECONDS + 3600,
        jti: 'ghost-session',
      },
      keys.signing.privateKey,
    )
    const response = await stack.request({
      method: 'POST',
      path: '/v1/auth/refresh',
      token: ghost,
    })
    expect(response.status).toBe(401)
    expect(response.json.code).toBe('AUTH_TOKEN_INVALID')
  })
})

describe('role checks', () => {
  it('keeps a resident out of the business routes', async () => {
    const person = await signedIn(stack)
    const response = await stack.request({
      method: 'POST',
      path: '/v1/venues',
      token: person.token,
      body: { name: '店', address: '路', type: 'market' },
    })
    expect(response.status).toBe(403)
    expect(response.json.code).toBe('FORBIDDEN_ROLE')
  })

  it('grants the business routes only after a refresh', async () => {
    const person = await signedIn(stack)
    await register(person.token, { name: '甲', creditCode: nextCreditCode() })
    const before = await stack.request({
      method: 'GET',
      path: '/v1/venues',
      token: person.token,
    })
    expect(before.status).toBe(403)
    const after = await stack.request({
      method: 'GET',
      path: '/v1/venues',
      token: await refreshed(stack, person.token),
    })
    expect(after.status).toBe(200)
    expect(after.json).toEqual({ items: [] })
  })

  it('keeps a business out of the guard routes', async () => {
    const owner = await business(stack)
    const response = await stack.request({
      method: 'POST',
      path: '/v1/checkpoint/verify',
      token: owner.token,
      body: { token: 'x', venueId: 'y' },
    })
    expect(response.status).toBe(403)
    expect(response.json.code).toBe('FORBIDDEN_ROLE')
  })
})
