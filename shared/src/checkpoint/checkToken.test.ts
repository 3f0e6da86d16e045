import { hmac } from '@noble/hashes/hmac'
import { sha256 } from '@noble/hashes/sha2'
import { describe, expect, it } from 'vitest'
import { base64urlDecode, base64urlEncode } from '../encoding/base64url'
import { utf8Encode } from '../encoding/utf8'
import type { CodeClaims } from '../tokens/claims'
import { signToken } from '../tokens/jws'
import { generateKeyPair } from '../tokens/keys'
import { checkToken, type CheckTokenOptions } from './checkToken'

const KEY = generateKeyPair('hz-1')
const SHANGHAI_KEY = generateKeyPair('sh-1')
// 2026-02-10T07:00:00Z
const IAT = 1_770_706_800
const VENUE = 'venue-0000000000000001'
const OTHER_VENUE = 'venue-0000000000000002'

const PASS: CodeClaims = {
  iss: 'hangzhou',
  sub: 'ref-0001',
  col: 'green',
  iat: IAT,
  exp: IAT + 60,
  jti: 'nonce-0001',
  ven: VENUE,
}
const { ven: _ven, ...PERSONAL } = PASS

const OPTIONS: CheckTokenOptions = {
  keys: [{ kid: KEY.kid, x: KEY.publicKey }],
  city: 'hangzhou',
  venueId: VENUE,
  now: new Date((IAT + 10) * 1000),
  policy: { denyColors: ['yellow', 'red'], clockSkewSeconds: 300 },
}

function sign(
  claims: object,
  key = KEY,
  typ: 'hc-code' | 'hc-session' = 'hc-code',
) {
  return signToken({ kid: key.kid, typ }, claims, key.privateKey)
}

function encodeJson(value: unknown): string {
  return base64urlEncode(utf8Encode(JSON.stringify(value)))
}

function at(seconds: number): Date {
  return new Date(seconds * 1000)
}

describe('checkToken', () => {
  it('allows a green pass at its venue', () => {
    expect(checkToken(sign(PASS), OPTIONS)).toEqual({
      code: 'ALLOW',
      color: 'green',
      claims: PASS,
      kind: 'pass',
    })
  })

  it('allows a green personal code at any venue', () => {
    const result = checkToken(sign(PERSONAL), OPTIONS)
    expect(result).toEqual({
      code: 'ALLOW',
      color: 'green',
      claims: PERSONAL,
      kind: 'personal',
    })
  })

  it.each(['yellow', 'red'] as const)('denies a %s pass', (color) => {
    const claims = { ...PASS, col: color }
    expect(checkToken(sign(claims), OPTIONS)).toEqual({
      code: 'DENY_COLOR',
      color,
      claims,
      kind: 'pass',
    })
  })

  it('denies a pass for another venue', () => {
    const token = sign({ ...PASS, ven: OTHER_VENUE })
    expect(checkToken(token, OPTIONS)).toEqual({ code: 'WRONG_VENUE' })
  })

  it('reports a pass at its expiry second as expired', () => {
    const result = checkToken(sign(PASS), { ...OPTIONS, now: at(IAT + 60) })
    expect(result).toEqual({ code: 'EXPIRED' })
  })

  it('allows a pass one second before expiry', () => {
    const result = checkToken(sign(PASS), { ...OPTIONS, now: at(IAT + 59) })
    expect(result.code).toBe('ALLOW')
  })

  it('reports an expired red pass as expired, not as its color', () => {
    const token = sign({ ...PASS, col: 'red' })
    const result = checkToken(token, { ...OPTIONS, now: at(IAT + 3600) })
    expect(result).toEqual({ code: 'EXPIRED' })
  })

  describe('forgeries', () => {
    it('rejects alg none', () => {
      const header = encodeJson({ alg: 'none', kid: KEY.kid, typ: 'hc-code' })
      const token = `${header}.${encodeJson(PASS)}.`
      expect(checkToken(token, OPTIONS)).toEqual({ code: 'INVALID_SIGNATURE' })
    })

    it('rejects HS256 keyed with the public key', () => {
      const header = encodeJson({ alg: 'HS256', kid: KEY.kid, typ: 'hc-code' })
      const input = `${header}.${encodeJson(PASS)}`
      const secret = base64urlDecode(KEY.publicKey) ?? new Uint8Array()
      const mac = hmac(sha256, secret, utf8Encode(input))
      const token = `${input}.${base64urlEncode(mac)}`
      expect(checkToken(token, OPTIONS)).toEqual({ code: 'INVALID_SIGNATURE' })
    })

    it('rejects an unknown kid', () => {
      const stranger = generateKeyPair('hz-9')
      const token = sign(PASS, stranger)
      expect(checkToken(token, OPTIONS)).toEqual({ code: 'INVALID_SIGNATURE' })
    })

    it('rejects a color changed from red to green', () => {
      const [header, , signature] = sign({ ...PASS, col: 'red' }).split('.')
      const token = `${header}.${encodeJson(PASS)}.${signature}`
      expect(checkToken(token, OPTIONS)).toEqual({ code: 'INVALID_SIGNATURE' })
    })

    it('rejects a session token', () => {
      const session = {
        iss: 'hangzhou',
        sub: 'account',
        role: 'resident',
        iat: IAT,
        exp: IAT + 3600,
        jti: 'session',
      }
      const token = sign(session, KEY, 'hc-session')
      expect(checkToken(token, OPTIONS)).toEqual({ code: 'INVALID_SIGNATURE' })
    })

    it.each([
      ['plain JSON', '{"col":"green"}'],
      ['garbage', 'not a code at all'],
      ['an empty string', ''],
      ['a venue code URL', 'http://127.0.0.1:10086/c/hangzhou/x.1.y'],
      ['binary noise', '\u0000\u00ff\ud800'],
    ])('rejects %s', (_label, token) => {
      expect(checkToken(token, OPTIONS)).toEqual({ code: 'INVALID_SIGNATURE' })
    })
  })

  describe('another city', () => {
    it('names the issuer of a Shanghai code', () => {
      const token = sign({ ...PERSONAL, iss: 'shanghai' }, SHANGHAI_KEY)
      expect(checkToken(token, OPTIONS)).toEqual({
        code: 'WRONG_CITY',
        issuer: 'shanghai',
      })
    })

    it('reports another issuer even under a known key', () => {
      const token = sign({ ...PASS, iss: 'shanghai' })
      expect(checkToken(token, OPTIONS)).toEqual({
        code: 'WRONG_CITY',
        issuer: 'shanghai',
      })
    })
  })

  describe('clocks', () => {
    it('reports a device clock off by more than the tolerance', () => {
      const result = checkToken(sign(PASS), {
        ...OPTIONS,
        deviceClockOffsetSeconds: 301,
      })
      expect(result).toEqual({ code: 'CLOCK_WRONG', cause: 'device_clock' })
    })

    it('reports a device clock behind by more than the tolerance', () => {
      const result = checkToken(sign(PASS), {
        ...OPTIONS,
        deviceClockOffsetSeconds: -3600,
      })
      expect(result).toEqual({ code: 'CLOCK_WRONG', cause: 'device_clock' })
    })

    it('reports a token issued far after the device time', () => {
      const result = checkToken(sign(PASS), {
        ...OPTIONS,
        now: at(IAT - 301),
      })
      expect(result).toEqual({
        code: 'CLOCK_WRONG',
        cause: 'issued_in_future',
      })
    })

    it('allows a token issued slightly after the device time', () => {
      const result = checkToken(sign(PASS), { ...OPTIONS, now: at(IAT - 30) })
      expect(result.code).toBe('ALLOW')
    })

    it('corrects a known offset within the tolerance', () => {
      // The device runs 120 s fast, so its 70 s after issue is server 50 s.
      const options = { ...OPTIONS, now: at(IAT + 170) }
      expect(checkToken(sign(PASS), options).code).toBe('EXPIRED')
      const corrected = { ...options, deviceClockOffsetSeconds: 120 }
      expect(checkToken(sign(PASS), corrected).code).toBe('ALLOW')
    })

    it('rejects a forged token before looking at the clock', () => {
      const stranger = generateKeyPair('hz-9')
      const result = checkToken(sign(PASS, stranger), {
        ...OPTIONS,
        deviceClockOffsetSeconds: 3600,
      })
      expect(result).toEqual({ code: 'INVALID_SIGNATURE' })
    })
  })
})
