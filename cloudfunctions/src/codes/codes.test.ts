import { verifyCodeToken } from '@healthcode/shared'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { nextMainlandId, nextPhone } from '../../test/ids'
import { createTestStack, type TestStack } from '../../test/stack'

const START = '2026-02-10T02:00:00.000Z'
const START_SECONDS = Date.parse(START) / 1000

let stack: TestStack

async function registered(): Promise<{ token: string; number: string }> {
  const phone = nextPhone()
  const token = await stack.signIn(phone.raw, phone.e164)
  const number = nextMainlandId()
  const response = await stack.request({
    method: 'POST',
    path: '/v1/residents',
    token,
    body: {
      name: '王五',
      document: { type: 'mainland_id', number },
      phone: phone.raw,
    },
  })
  expect(response.status).toBe(201)
  return { token, number }
}

function declare(token: string, symptoms: boolean) {
  return stack.request({
    method: 'POST',
    path: '/v1/residents/me/questionnaire',
    token,
    body: { answers: { symptoms, travel: ['none'], contact: 'none' } },
  })
}

function code(token: string) {
  return stack.request({
    method: 'GET',
    path: '/v1/residents/me/code',
    token,
  })
}

async function publicKeys() {
  const response = await stack.request({ method: 'GET', path: '/v1/keys' })
  return response.json.keys as { kid: string; x: string }[]
}

beforeAll(async () => {
  stack = await createTestStack({ start: START })
})

beforeEach(() => {
  stack.clock.set(START)
})

afterAll(async () => {
  await stack.close()
})

describe('GET /v1/residents/me/code', () => {
  it('requires a questionnaire first', async () => {
    const { token } = await registered()
    const response = await code(token)
    expect(response.status).toBe(409)
    expect(response.json.code).toBe('QUESTIONNAIRE_REQUIRED')
  })

  it('signs a code that verifies with the key from /v1/keys', async () => {
    const { token, number } = await registered()
    await declare(token, true)
    const response = await code(token)
    expect(response.status).toBe(200)
    expect(response.json.color).toBe('yellow')
    expect(response.json.expiresAt).toBe('2026-02-10T02:01:00.000Z')
    expect(response.json.refreshAfterSeconds).toBe(30)

    const verified = verifyCodeToken(response.json.token, {
      keys: await publicKeys(),
      issuer: 'hangzhou',
      now: stack.clock.now(),
    })
    if (verified.kind !== 'ok') throw new Error(`Not verified: ${verified.kind}`)
    expect(verified.header).toEqual({
      alg: 'EdDSA',
      kid: 'test-1',
      typ: 'hc-code',
    })
    expect(verified.claims).toEqual({
      iss: 'hangzhou',
      sub: expect.any(String),
      col: 'yellow',
      iat: START_SECONDS,
      exp: START_SECONDS + 60,
      jti: expect.any(String),
    })
    expect(response.json.token).not.toContain(number)
  })

  it('uses the opaque code reference as subject', async () => {
    const { token } = await registered()
    await declare(token, false)
    const me = await stack.request({
      method: 'GET',
      path: '/v1/residents/me',
      token,
    })
    const payload = (await code(token)).json.token.split('.')[1]
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString())
    expect(claims.sub).not.toBe(me.json.id)
    expect(claims.sub).toMatch(/^[A-Za-z0-9_-]{22}$/)
  })

  it('issues a code that expires after personalCodeSeconds', async () => {
    const { token } = await registered()
    await declare(token, false)
    const response = await code(token)
    const keys = await publicKeys()
    const verifyAt = (iso: string) =>
      verifyCodeToken(response.json.token, {
        keys,
        issuer: 'hangzhou',
        now: new Date(iso),
      }).kind
    expect(verifyAt('2026-02-10T02:00:59.000Z')).toBe('ok')
    expect(verifyAt('2026-02-10T02:01:00.000Z')).toBe('expired')
  })

  it('rejects a code checked against another city', async () => {
    const { token } = await registered()
    await declare(token, false)
    const response = await code(token)
    const verified = verifyCodeToken(response.json.token, {
      keys: await publicKeys(),
      issuer: 'shanghai',
      now: stack.clock.now(),
    })
    expect(verified.kind).toBe('wrong_issuer')
  })

  it('makes every code unique', async () => {
    const { token } = await registered()
    await declare(token, false)
    const first = (await code(token)).json.token
    const second = (await code(token)).json.token
    expect(second).not.toBe(first)
  })
})

describe('city routes', () => {
  it('reports health with the city', async () => {
    const response = await stack.request({ method: 'GET', path: '/v1/health' })
    expect(response.status).toBe(200)
    expect(response.json).toEqual({ status: 'ok', city: 'hangzhou' })
  })

  it('describes the city in the caller language', async () => {
    const response = await stack.request({
      method: 'GET',
      path: '/v1/city',
      headers: { 'accept-language': 'en' },
    })
    expect(response.json).toEqual({
      id: 'hangzhou',
      name: 'Hangzhou',
      timeZone: 'Asia/Shanghai',
      acceptedDocuments: [
        'mainland_id',
        'residence_permit',
        'hk_macau_permit',
        'taiwan_permit',
        'passport',
      ],
      eligibility: 'open',
    })
  })

  it('publishes the verification keys', async () => {
    const response = await stack.request({ method: 'GET', path: '/v1/keys' })
    expect(response.json).toEqual({
      city: 'hangzhou',
      keys: [
        {
          kid: 'test-1',
          alg: 'EdDSA',
          x: stack.runtime.keys.verification[0]?.x,
        },
      ],
    })
    expect(response.json.keys[0].x).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(response.headers['cache-control']).toBe('public, max-age=300')
  })
})
