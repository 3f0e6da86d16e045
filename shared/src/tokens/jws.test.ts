import { hmac } from '@noble/hashes/hmac'
import { sha256 } from '@noble/hashes/sha2'
import { assert, describe, expect, it } from 'vitest'
import { base64urlDecode, base64urlEncode } from '../encoding/base64url'
import { utf8Encode } from '../encoding/utf8'
import type { CodeClaims, SessionClaims } from './claims'
import {
  signToken,
  verifyCodeToken,
  verifySessionToken,
  verifyToken,
  type VerifyOptions,
} from './jws'
import { generateKeyPair } from './keys'

const KEY = generateKeyPair('2026-02-a')
const OTHER_KEY = generateKeyPair('2026-02-b')
const KEYS = [
  { kid: KEY.kid, x: KEY.publicKey },
  { kid: OTHER_KEY.kid, x: OTHER_KEY.publicKey },
]

// 2026-02-10T07:00:00Z
const IAT = 1_770_706_800
const NOW = new Date((IAT + 10) * 1000)

const CODE: CodeClaims = {
  iss: 'hangzhou',
  sub: 'r_01HZY3',
  col: 'green',
  iat: IAT,
  exp: IAT + 60,
  jti: 'n_7c1f2a9e',
}

const SESSION: SessionClaims = {
  iss: 'hangzhou',
  sub: 'a_01HZY3',
  role: 'resident',
  iat: IAT,
  exp: IAT + 12 * 3600,
  jti: 's_51d0b3aa',
}

const OPTIONS: VerifyOptions = {
  keys: KEYS,
  typ: 'hc-code',
  issuer: 'hangzhou',
  now: NOW,
}

function codeToken(claims: object = CODE, key = KEY): string {
  return signToken({ kid: key.kid, typ: 'hc-code' }, claims, key.privateKey)
}

function encodeJson(value: unknown): string {
  return base64urlEncode(utf8Encode(JSON.stringify(value)))
}

function segments(token: string): [string, string, string] {
  const [header = '', payload = '', signature = ''] = token.split('.')
  return [header, payload, signature]
}

describe('signToken', () => {
  it('writes a header with alg EdDSA, kid and typ', () => {
    const [header] = segments(codeToken())
    expect(header).toBe(
      encodeJson({ alg: 'EdDSA', kid: '2026-02-a', typ: 'hc-code' }),
    )
  })

  it('writes a 64-byte signature', () => {
    const [, , signature] = segments(codeToken())
    expect(base64urlDecode(signature)).toHaveLength(64)
  })
})

describe('verifyToken', () => {
  it('returns header and claims of a valid token', () => {
    expect(verifyToken(codeToken(), OPTIONS)).toEqual({
      kind: 'ok',
      header: { alg: 'EdDSA', kid: '2026-02-a', typ: 'hc-code' },
      claims: CODE,
    })
  })

  it('finds the key by kid among several', () => {
    const token = codeToken(CODE, OTHER_KEY)
    expect(verifyToken(token, OPTIONS).kind).toBe('ok')
  })

  it('round-trips claims with non-ASCII text', () => {
    const claims = { ...CODE, ven: '西湖银泰' }
    const result = verifyToken(codeToken(claims), OPTIONS)
    assert(result.kind === 'ok')
    expect(result.claims).toEqual(claims)
  })

  it('rejects a tampered payload', () => {
    const [header, , signature] = segments(codeToken())
    const payload = encodeJson({ ...CODE, col: 'green', sub: 'r_other' })
    const token = `${header}.${payload}.${signature}`
    expect(verifyToken(token, OPTIONS)).toEqual({ kind: 'bad_signature' })
  })

  it('rejects a color changed from red to green', () => {
    const [header, , signature] = segments(codeToken({ ...CODE, col: 'red' }))
    const token = `${header}.${encodeJson(CODE)}.${signature}`
    expect(verifyToken(token, OPTIONS)).toEqual({ kind: 'bad_signature' })
  })

  it('rejects a signature by another known key', () => {
    const [, payload, signature] = segments(codeToken(CODE, OTHER_KEY))
    const header = encodeJson({ alg: 'EdDSA', kid: KEY.kid, typ: 'hc-code' })
    const token = `${header}.${payload}.${signature}`
    expect(verifyToken(token, OPTIONS)).toEqual({ kind: 'bad_signature' })
  })

  it('rejects an EdDSA token with an empty signature', () => {
    const [header, payload] = segments(codeToken())
    const token = `${header}.${payload}.`
    expect(verifyToken(token, OPTIONS)).toEqual({ kind: 'bad_signature' })
  })

  it('rejects a truncated signature', () => {
    const [header, payload, signature] = segments(codeToken())
    const token = `${header}.${payload}.${signature.slice(0, 40)}`
    expect(verifyToken(token, OPTIONS)).toEqual({ kind: 'bad_signature' })
  })

  it('rejects alg none with an empty signature', () => {
    const header = encodeJson({ alg: 'none', kid: KEY.kid, typ: 'hc-code' })
    const token = `${header}.${encodeJson(CODE)}.`
    expect(verifyToken(token, OPTIONS)).toEqual({ kind: 'unsupported_alg' })
  })

  it('rejects alg none with a signature present', () => {
    const header = encodeJson({ alg: 'none', kid: KEY.kid, typ: 'hc-code' })
    const [, , signature] = segments(codeToken())
    const token = `${header}.${encodeJson(CODE)}.${signature}`
    expect(verifyToken(token, OPTIONS)).toEqual({ kind: 'unsupported_alg' })
  })

  it('rejects HS256 keyed with the public key', () => {
    const header = encodeJson({ alg: 'HS256', kid: KEY.kid, typ: 'hc-code' })
    const signingInput = `${header}.${encodeJson(CODE)}`
    const secrets = [
      utf8Encode(KEY.publicKey),
      base64urlDecode(KEY.publicKey) ?? new Uint8Array(),
    ]
    for (const secret of secrets) {
      const mac = hmac(sha256, secret, utf8Encode(signingInput))
      const token = `${signingInput}.${base64urlEncode(mac)}`
      expect(verifyToken(token, OPTIONS)).toEqual({ kind: 'unsupported_alg' })
    }
  })

  it.each(['EDDSA', 'ES256', 'Ed25519', 'RS256'])(
    'rejects alg %s',
    (alg) => {
      const header = encodeJson({ alg, kid: KEY.kid, typ: 'hc-code' })
      const [, payload, signature] = segments(codeToken())
      const token = `${header}.${payload}.${signature}`
      expect(verifyToken(token, OPTIONS)).toEqual({ kind: 'unsupported_alg' })
    },
  )

  it('rejects an unknown kid', () => {
    const stranger = generateKeyPair('2025-01-z')
    const token = codeToken(CODE, stranger)
    expect(verifyToken(token, OPTIONS)).toEqual({ kind: 'unknown_key' })
  })

  it('rejects a critical header extension', () => {
    const header = encodeJson({
      alg: 'EdDSA',
      kid: KEY.kid,
      typ: 'hc-code',
      crit: ['exp'],
    })
    const [, payload, signature] = segments(codeToken())
    const token = `${header}.${payload}.${signature}`
    expect(verifyToken(token, OPTIONS)).toEqual({ kind: 'malformed' })
  })

  it('rejects a session token where a code is expected', () => {
    const token = signToken(
      { kid: KEY.kid, typ: 'hc-session' },
      { ...CODE },
      KEY.privateKey,
    )
    expect(verifyToken(token, OPTIONS)).toEqual({ kind: 'wrong_type' })
  })

  it('rejects another issuer', () => {
    const token = codeToken({ ...CODE, iss: 'shanghai' })
    expect(verifyToken(token, OPTIONS)).toEqual({ kind: 'wrong_issuer' })
  })

  it('rejects a token at its expiry second', () => {
    const now = new Date(CODE.exp * 1000)
    expect(verifyToken(codeToken(), { ...OPTIONS, now })).toEqual({
      kind: 'expired',
    })
  })

  it('accepts a token one millisecond before expiry', () => {
    const now = new Date(CODE.exp * 1000 - 1)
    expect(verifyToken(codeToken(), { ...OPTIONS, now }).kind).toBe('ok')
  })

  it('accepts an expired token within the leeway', () => {
    const now = new Date((CODE.exp + 5) * 1000)
    const options = { ...OPTIONS, now, leewaySeconds: 10 }
    expect(verifyToken(codeToken(), options).kind).toBe('ok')
  })

  it('rejects a token issued in the future', () => {
    const now = new Date((IAT - 30) * 1000)
    expect(verifyToken(codeToken(), { ...OPTIONS, now })).toEqual({
      kind: 'not_yet_valid',
    })
  })

  it('accepts a future issue time within the leeway', () => {
    const now = new Date((IAT - 30) * 1000)
    const options = { ...OPTIONS, now, leewaySeconds: 60 }
    expect(verifyToken(codeToken(), options).kind).toBe('ok')
  })

  it('rejects signed claims without exp', () => {
    const { exp: _exp, ...claims } = CODE
    expect(verifyToken(codeToken(claims), OPTIONS)).toEqual({
      kind: 'malformed',
    })
  })

  it.each([
    ['plain JSON', '{"col":"green"}'],
    ['an empty string', ''],
    ['two segments', 'eyJhbGciOiJFZERTQSJ9.e30'],
    ['four segments', 'a.b.c.d'],
    ['padding', 'eyJhbGciOiJFZERTQSJ9.e30=.AAAA'],
    ['a header that is not JSON', 'bm90IGpzb24.e30.AAAA'],
    ['a header that is a JSON array', `${encodeJson(['EdDSA'])}.e30.AAAA`],
    ['an oversized token', `${'a'.repeat(5000)}.e30.AAAA`],
  ])('rejects %s as malformed', (_label, token) => {
    expect(verifyToken(token, OPTIONS)).toEqual({ kind: 'malformed' })
  })
})

describe('verifyCodeToken', () => {
  it('returns parsed code claims', () => {
    const claims = { ...CODE, ven: 'v_hz_0001' }
    expect(verifyCodeToken(codeToken(claims), OPTIONS)).toEqual({
      kind: 'ok',
      header: { alg: 'EdDSA', kid: '2026-02-a', typ: 'hc-code' },
      claims,
    })
  })

  it('rejects signed claims with an unknown color', () => {
    const token = codeToken({ ...CODE, col: 'blue' })
    expect(verifyCodeToken(token, OPTIONS)).toEqual({ kind: 'malformed' })
  })

  it('rejects signed claims with an unknown member', () => {
    const token = codeToken({ ...CODE, name: 'someone' })
    expect(verifyCodeToken(token, OPTIONS)).toEqual({ kind: 'malformed' })
  })

  it('rejects a session token', () => {
    const token = signToken(
      { kid: KEY.kid, typ: 'hc-session' },
      SESSION,
      KEY.privateKey,
    )
    expect(verifyCodeToken(token, OPTIONS)).toEqual({ kind: 'wrong_type' })
  })
})

describe('verifySessionToken', () => {
  function sessionToken(claims: object = SESSION): string {
    const header = { kid: KEY.kid, typ: 'hc-session' } as const
    return signToken(header, claims, KEY.privateKey)
  }

  it('returns parsed session claims', () => {
    const result = verifySessionToken(sessionToken(), OPTIONS)
    assert(result.kind === 'ok')
    expect(result.claims).toEqual(SESSION)
  })

  it('rejects a code token', () => {
    expect(verifySessionToken(codeToken(), OPTIONS)).toEqual({
      kind: 'wrong_type',
    })
  })

  it('rejects an unknown role', () => {
    const token = sessionToken({ ...SESSION, role: 'admin' })
    expect(verifySessionToken(token, OPTIONS)).toEqual({ kind: 'malformed' })
  })

  it('rejects exp not after iat', () => {
    const token = sessionToken({ ...SESSION, exp: IAT, iat: IAT })
    // The leeway lets the token pass the time checks to reach the schema.
    const now = new Date((IAT - 1) * 1000)
    const options = { ...OPTIONS, now, leewaySeconds: 10 }
    expect(verifySessionToken(token, options)).toEqual({
      kind: 'malformed',
    })
  })
})
