import { verifySessionToken } from '@healthcode/shared'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { nextPhone } from '../../test/ids'
import { createTestStack, type TestStack } from '../../test/stack'

const START = '2026-02-10T02:00:00.000Z'
const HOUR = 3600

// Each test takes a fresh phone, so throttles never carry over.
let stack: TestStack

async function requestOtp(phone: string) {
  return stack.request({ method: 'POST', path: '/v1/auth/otp', body: { phone } })
}

async function submitCode(phone: string, code: string) {
  return stack.request({
    method: 'POST',
    path: '/v1/auth/token',
    body: { phone, code },
  })
}

function wrongCode(code: string): string {
  return code === '000000' ? '111111' : '000000'
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

describe('POST /v1/auth/otp', () => {
  it('sends a six-digit code through the outbox', async () => {
    const phone = nextPhone()
    const response = await requestOtp(phone.raw)
    expect(response.status).toBe(202)
    expect(response.json).toEqual({
      expiresInSeconds: 300,
      retryAfterSeconds: 60,
    })
    const messages = (await stack.outbox()).filter((m) => m.to === phone.e164)
    expect(messages).toHaveLength(1)
    expect(messages[0]?.sentAt).toBe(START)
    expect(messages[0]?.text).toMatch(/\d{6}/)
  })

  it('writes the SMS in the language of Accept-Language', async () => {
    const phone = nextPhone()
    await stack.request({
      method: 'POST',
      path: '/v1/auth/otp',
      body: { phone: phone.raw },
      headers: { 'accept-language': 'en-GB,en;q=0.9' },
    })
    const messages = (await stack.outbox()).filter((m) => m.to === phone.e164)
    expect(messages[0]?.text).toMatch(/^Health Code: your verification code/)
  })

  it('rejects an invalid phone without storing anything', async () => {
    const before = await stack.snapshot()
    const response = await requestOtp('12345')
    expect(response.status).toBe(400)
    expect(response.json.code).toBe('PHONE_INVALID')
    expect(response.json.errors[0].field).toBe('phone')
    expect(await stack.snapshot()).toEqual(before)
  })

  it('throttles a resend within resendSeconds', async () => {
    const phone = nextPhone()
    expect((await requestOtp(phone.raw)).status).toBe(202)
    stack.clock.advanceSeconds(20)
    const response = await requestOtp(phone.raw)
    expect(response.status).toBe(429)
    expect(response.json.code).toBe('OTP_RATE_LIMITED')
    expect(response.headers['retry-after']).toBe('40')
  })

  it('allows a resend once resendSeconds have passed', async () => {
    const phone = nextPhone()
    await requestOtp(phone.raw)
    stack.clock.advanceSeconds(60)
    expect((await requestOtp(phone.raw)).status).toBe(202)
  })

  it('caps the codes per phone in a rolling hour', async () => {
    const phone = nextPhone()
    for (let sent = 0; sent < 5; sent++) {
      expect((await requestOtp(phone.raw)).status).toBe(202)
      stack.clock.advanceSeconds(60)
    }
    const limited = await requestOtp(phone.raw)
    expect(limited.status).toBe(429)
    expect(limited.headers['retry-after']).toBe(String(HOUR - 300))
    stack.clock.advanceSeconds(HOUR - 300)
    expect((await requestOtp(phone.raw)).status).toBe(202)
  })

  it('counts one phone whatever way it is written', async () => {
    const phone = nextPhone()
    await requestOtp(phone.raw)
    stack.clock.advanceSeconds(10)
    const response = await requestOtp(`+86 ${phone.raw.slice(0, 3)}-${phone.raw.slice(3)}`)
    expect(response.status).toBe(429)
  })
})

describe('POST /v1/auth/token', () => {
  it('signs in with the code and returns a session token', async () => {
    const phone = nextPhone()
    await requestOtp(phone.raw)
    stack.clock.advanceSeconds(30)
    const response = await submitCode(phone.raw, await stack.latestOtp(phone.e164))
    expect(response.status).toBe(200)
    expect(response.json.role).toBe('resident')
    expect(response.json.registered).toBe(false)
    expect(response.json.expiresAt).toBe('2026-02-10T14:00:30.000Z')

    const keys = await stack.request({ method: 'GET', path: '/v1/keys' })
    const verified = verifySessionToken(response.json.token, {
      keys: keys.json.keys,
      issuer: 'hangzhou',
      now: stack.clock.now(),
    })
    expect(verified.kind).toBe('ok')
  })

  it('accepts a code typed with full-width digits', async () => {
    const phone = nextPhone()
    await requestOtp(phone.raw)
    const code = await stack.latestOtp(phone.e164)
    const fullWidth = [...code]
      .map((digit) => String.fromCharCode(0xff10 + Number(digit)))
      .join('')
    expect((await submitCode(phone.raw, fullWidth)).status).toBe(200)
  })

  it('rejects a wrong code', async () => {
    const phone = nextPhone()
    await requestOtp(phone.raw)
    const code = await stack.latestOtp(phone.e164)
    const response = await submitCode(phone.raw, wrongCode(code))
    expect(response.status).toBe(400)
    expect(response.json.code).toBe('OTP_INVALID')
  })

  it('rejects a code for a phone that was sent none', async () => {
    const response = await submitCode(nextPhone().raw, '123456')
    expect(response.status).toBe(400)
    expect(response.json.code).toBe('OTP_INVALID')
  })

  it('voids the code after maxAttempts wrong entries', async () => {
    const phone = nextPhone()
    await requestOtp(phone.raw)
    const code = await stack.latestOtp(phone.e164)
    for (let attempt = 1; attempt < 5; attempt++) {
      const response = await submitCode(phone.raw, wrongCode(code))
      expect(response.json.code).toBe('OTP_INVALID')
    }
    const fifth = await submitCode(phone.raw, wrongCode(code))
    expect(fifth.json.code).toBe('OTP_TOO_MANY_ATTEMPTS')
    const correct = await submitCode(phone.raw, code)
    expect(correct.status).toBe(400)
    expect(correct.json.code).toBe('OTP_TOO_MANY_ATTEMPTS')
  })

  it('logs rejected codes without the phone', async () => {
    const phone = nextPhone()
    await requestOtp(phone.raw)
    const code = await stack.latestOtp(phone.e164)
    for (let attempt = 1; attempt <= 5; attempt++) {
      await submitCode(phone.raw, wrongCode(code))
    }
    const logs = stack.output.text()
    expect(logs).toContain('One-time password rejected')
    expect(logs).toContain('One-time password voided after too many attempts')
    expect(logs).not.toContain(phone.raw)
    expect(logs).not.toContain(phone.e164)
  })

  it('rejects a code after its lifetime', async () => {
    const phone = nextPhone()
    await requestOtp(phone.raw)
    const code = await stack.latestOtp(phone.e164)
    stack.clock.advanceSeconds(300)
    const response = await submitCode(phone.raw, code)
    expect(response.status).toBe(400)
    expect(response.json.code).toBe('OTP_EXPIRED')
  })

  it('accepts each code only once', async () => {
    const phone = nextPhone()
    await requestOtp(phone.raw)
    const code = await stack.latestOtp(phone.e164)
    expect((await submitCode(phone.raw, code)).status).toBe(200)
    const again = await submitCode(phone.raw, code)
    expect(again.status).toBe(400)
    expect(again.json.code).toBe('OTP_INVALID')
  })

  it('keeps one account across sign-ins of a phone', async () => {
    const phone = nextPhone()
    const first = await stack.signIn(phone.raw, phone.e164)
    stack.clock.advanceSeconds(60)
    const second = await stack.signIn(phone.raw, phone.e164)
    const subjectOf = (token: string) =>
      JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString())
        .sub
    expect(subjectOf(second)).toBe(subjectOf(first))
  })

  it('replaces an earlier code when a new one is sent', async () => {
    const phone = nextPhone()
    await requestOtp(phone.raw)
    const old = await stack.latestOtp(phone.e164)
    stack.clock.advanceSeconds(60)
    await requestOtp(phone.raw)
    const current = await stack.latestOtp(phone.e164)
    if (old !== current) {
      expect((await submitCode(phone.raw, old)).json.code).toBe('OTP_INVALID')
    }
    expect((await submitCode(phone.raw, current)).status).toBe(200)
  })
})
