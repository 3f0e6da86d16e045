import { signToken } from '@healthcode/shared'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { nextMainlandId, nextPhone } from '../../test/ids'
import { createTestStack, type TestStack } from '../../test/stack'
import { createAuthHandler } from '../auth/handler'
import { OutboxSmsSender } from '../auth/sms'
import { tableNamesFor } from '../storage/dynamo'
import { httpEvent } from '../../test/events'

const START = '2026-02-10T02:00:00.000Z'

let stack: TestStack
let token: string
let phone: string

beforeAll(async () => {
  stack = await createTestStack({ start: START })
  const signedIn = nextPhone()
  phone = signedIn.raw
  token = await stack.signIn(signedIn.raw, signedIn.e164)
})

beforeEach(() => {
  stack.clock.set(START)
})

afterAll(async () => {
  await stack.close()
})

function registration(body: unknown, headers: Record<string, string> = {}) {
  return stack.request({
    method: 'POST',
    path: '/v1/residents',
    token,
    body,
    headers,
  })
}

function validRegistration() {
  return {
    name: '赵六',
    document: { type: 'mainland_id', number: nextMainlandId() },
    phone,
  }
}

describe('request bodies', () => {
  it('rejects malformed JSON without storing anything', async () => {
    const before = await stack.snapshot()
    const response = await registration('{"name": "赵六",')
    expect(response.status).toBe(400)
    expect(response.headers['content-type']).toBe(
      'application/problem+json; charset=utf-8',
    )
    expect(response.json).toEqual({
      type: 'urn:problem-type:healthcode:body-malformed',
      title: '请求格式错误',
      status: 400,
      detail: '请求内容不是有效的 JSON。请更新应用后重试。',
      code: 'BODY_MALFORMED',
    })
    expect(await stack.snapshot()).toEqual(before)
  })

  it('rejects a body that is not UTF-8', async () => {
    const response = await stack.request({
      method: 'POST',
      path: '/v1/auth/otp',
      rawBytes: Uint8Array.from([0x7b, 0x22, 0xff, 0x22, 0x7d]),
      headers: { 'content-type': 'application/json' },
    })
    expect(response.status).toBe(400)
    expect(response.json.code).toBe('BODY_MALFORMED')
  })

  it('names each unknown field', async () => {
    const before = await stack.snapshot()
    const response = await registration(
      {
        ...validRegistration(),
        admin: true,
        document: { type: 'passport', number: 'E12345678', issuer: 'x' },
      },
      { 'accept-language': 'en' },
    )
    expect(response.status).toBe(400)
    expect(response.json.code).toBe('VALIDATION_FAILED')
    expect(response.json.title).toBe('Invalid input')
    expect(response.json.errors).toEqual([
      {
        field: 'document.issuer',
        code: 'unrecognized_keys',
        message: expect.stringMatching(/^document\.issuer: /),
      },
      {
        field: 'admin',
        code: 'unrecognized_keys',
        message: expect.stringMatching(/^admin: /),
      },
    ])
    expect(await stack.snapshot()).toEqual(before)
  })

  it('names each field of a wrong type or missing', async () => {
    const before = await stack.snapshot()
    const response = await registration(
      { name: 42, document: { type: 'visa', number: '1' } },
      { 'accept-language': 'en' },
    )
    expect(response.status).toBe(400)
    expect(response.json.errors).toEqual([
      {
        field: 'name',
        code: 'invalid_type',
        message: 'Name: This value is missing or of the wrong type.',
      },
      {
        field: 'document.type',
        code: 'invalid_value',
        message:
          'Document type: This value must be one of: mainland_id, ' +
          'residence_permit, hk_macau_permit, taiwan_permit, passport.',
      },
      {
        field: 'phone',
        code: 'invalid_type',
        message: 'Phone number: This value is missing or of the wrong type.',
      },
    ])
    expect(await stack.snapshot()).toEqual(before)
  })

  it('rejects a body that is not an object', async () => {
    const response = await registration('[1, 2]')
    expect(response.status).toBe(400)
    expect(response.json.errors[0]).toMatchObject({
      field: '(body)',
      code: 'invalid_type',
    })
  })

  it('rejects a body over 16 KiB', async () => {
    const before = await stack.snapshot()
    const response = await registration({
      ...validRegistration(),
      name: '张'.repeat(6000),
    })
    expect(response.status).toBe(413)
    expect(response.json.code).toBe('BODY_TOO_LARGE')
    expect(await stack.snapshot()).toEqual(before)
  })

  it('rejects a body that is not JSON', async () => {
    const response = await stack.request({
      method: 'POST',
      path: '/v1/auth/otp',
      body: 'phone=13800138000',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    })
    expect(response.status).toBe(415)
    expect(response.json.code).toBe('UNSUPPORTED_MEDIA_TYPE')
  })

  it('accepts a JSON content type with a UTF-8 charset', async () => {
    const response = await stack.request({
      method: 'POST',
      path: '/v1/auth/otp',
      body: { phone: nextPhone().raw },
      headers: { 'content-type': 'application/json; charset=UTF-8' },
    })
    expect(response.status).toBe(202)
  })

  it('decodes a base64-encoded body', async () => {
    const response = await stack.request({
      method: 'POST',
      path: '/v1/auth/otp',
      body: { phone: nextPhone().raw },
      base64: true,
    })
    expect(response.status).toBe(202)
  })
})

describe('routing and authorization', () => {
  it('answers NOT_FOUND for an unknown path', async () => {
    const response = await stack.request({ method: 'GET', path: '/v1/nothing' })
    expect(response.status).toBe(404)
    expect(response.json.code).toBe('NOT_FOUND')
  })

  it('answers METHOD_NOT_ALLOWED for a known path', async () => {
    const response = await stack.request({ method: 'DELETE', path: '/v1/health' })
    expect(response.status).toBe(405)
    expect(response.json.code).toBe('METHOD_NOT_ALLOWED')
    expect(response.headers.allow).toBe('GET')
  })

  it('rejects a session of a role the route does not admit', async () => {
    const now = Date.parse(START) / 1000
    const keys = stack.runtime.keys
    const guard = signToken(
      { kid: keys.signing.kid, typ: 'hc-session' },
      {
        iss: 'hangzhou',
        sub: 'guard-account',
        role: 'guard',
        iat: now,
        exp: now + 3600,
        jti: 'guard-session',
      },
      keys.signing.privateKey,
    )
    const response = await stack.request({
      method: 'GET',
      path: '/v1/residents/me',
      token: guard,
    })
    expect(response.status).toBe(403)
    expect(response.json.code).toBe('FORBIDDEN_ROLE')
  })

  it('rejects a code token used as a session', async () => {
    const now = Date.parse(START) / 1000
    const keys = stack.runtime.keys
    const codeToken = signToken(
      { kid: keys.signing.kid, typ: 'hc-code' },
      {
        iss: 'hangzhou',
        sub: 'someone',
        col: 'green',
        iat: now,
        exp: now + 60,
        jti: 'code',
      },
      keys.signing.privateKey,
    )
    const response = await stack.request({
      method: 'GET',
      path: '/v1/residents/me',
      token: codeToken,
    })
    expect(response.json.code).toBe('AUTH_TOKEN_INVALID')
  })

  it('localizes title and detail from Accept-Language', async () => {
    const english = await stack.request({
      method: 'GET',
      path: '/v1/residents/me',
      headers: { 'accept-language': 'fr-FR, en;q=0.8' },
    })
    expect(english.json.title).toBe('Sign-in required')
    expect(english.headers['content-language']).toBe('en')
    const chinese = await stack.request({
      method: 'GET',
      path: '/v1/residents/me',
    })
    expect(chinese.json.title).toBe('请先登录')
  })
})

describe('unexpected errors', () => {
  it('answers INTERNAL and logs one line without personal data', async () => {
    const broken = createAuthHandler(
      { ...stack.runtime, tables: tableNamesFor('missing-tables') },
      new OutboxSmsSender(stack.outboxFile),
    )
    const linesBefore = stack.output.lines().length
    const secretPhone = nextPhone()
    const result = await broken(
      httpEvent({
        method: 'POST',
        path: '/v1/auth/otp',
        body: { phone: secretPhone.raw },
        headers: { 'accept-language': 'en' },
      }),
    )
    expect(result.statusCode).toBe(500)
    expect(JSON.parse(result.body ?? '')).toEqual({
      type: 'urn:problem-type:healthcode:internal',
      title: expect.any(String),
      status: 500,
      detail: 'An internal error occurred. Try again later.',
      code: 'INTERNAL',
    })
    const lines = stack.output.lines().slice(linesBefore)
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatchObject({
      level: 'ERROR',
      message: 'Request failed with an unexpected error',
      errorName: 'ResourceNotFoundException',
      routeKey: 'POST /v1/auth/otp',
    })
    expect(JSON.stringify(lines[0])).not.toContain(secretPhone.raw.slice(3))
  })
})

describe('log output', () => {
  it('contains ids but no personal data after a whole journey', async () => {
    const journeyPhone = nextPhone()
    const number = nextMainlandId()
    const name = '司马相如'
    stack.clock.set('2026-02-11T02:00:00.000Z')
    const linesBefore = stack.output.lines().length
    await stack.request({
      method: 'POST',
      path: '/v1/auth/otp',
      body: { phone: journeyPhone.raw },
    })
    const otp = await stack.latestOtp(journeyPhone.e164)
    const signIn = await stack.request({
      method: 'POST',
      path: '/v1/auth/token',
      body: { phone: journeyPhone.raw, code: otp },
    })
    const session = signIn.json.token as string
    const registered = await stack.request({
      method: 'POST',
      path: '/v1/residents',
      token: session,
      body: {
        name,
        document: { type: 'mainland_id', number },
        phone: journeyPhone.raw,
      },
    })
    await stack.request({
      method: 'POST',
      path: '/v1/residents/me/questionnaire',
      token: session,
      body: {
        answers: { symptoms: true, travel: ['wuhan'], contact: 'none' },
      },
    })
    const code = await stack.request({
      method: 'GET',
      path: '/v1/residents/me/code',
      token: session,
    })

    const logged = stack.output.lines().slice(linesBefore)
    expect(logged.map((line) => line.message)).toEqual([
      'Account created',
      'Signed in',
      'Resident registered',
      'Rating changed',
    ])
    expect(logged[2]?.residentId).toBe(registered.json.id)
    const text = stack.output.text()
    for (const personal of [
      journeyPhone.raw.slice(3),
      number,
      name,
      otp,
      session,
      code.json.token,
    ]) {
      expect(text).not.toContain(personal)
    }
  })
})
