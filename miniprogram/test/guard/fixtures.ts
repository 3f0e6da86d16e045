import { generateKeyPair, signToken } from '@healthcode/shared/tokens/index'
import type { TransportOutcome } from '../../src/api/http'
import type { Venue } from '../../src/contract'
import { json, NOW } from '../fakes'

export const CITY = 'hangzhou'

export const KEY_PAIR = generateKeyPair('k1')

const NOW_SECONDS = NOW.getTime() / 1000

export function venue(id: string, overrides: Partial<Venue> = {}): Venue {
  return {
    id,
    name: `场所 ${id}`,
    address: '杭州市西湖区',
    type: 'market',
    location: null,
    policy: { temperatureRequired: false, recordDocument: false },
    guardPolicy: {
      temperatureRequired: false,
      recordDocument: false,
      feverCelsius: 37.3,
      denyColors: ['yellow', 'red'],
      clockSkewSeconds: 300,
    },
    codeVersion: 1,
    codeText: `HC1.${CITY}.${id}.1.code`,
    createdAt: '2026-01-01T00:00:00Z',
    access: 'guard',
    ...overrides,
  }
}

type PassOptions = {
  color?: 'green' | 'yellow' | 'red'
  venueId?: string
  issuer?: string
  jti?: string
}

// A pass signed with the test key, issued 10 s before NOW for 60 s.
export function pass(options: PassOptions = {}): string {
  return signToken(
    { kid: KEY_PAIR.kid, typ: 'hc-code' },
    {
      iss: options.issuer ?? CITY,
      sub: 'r_01',
      col: options.color ?? 'green',
      iat: NOW_SECONDS - 10,
      exp: NOW_SECONDS + 50,
      jti: options.jti ?? 'pass-1',
      ven: options.venueId ?? 'v_01',
    },
    KEY_PAIR.privateKey,
  )
}

// GET /v1/keys with the test key, and the server clock in the Date header.
export function keysResponse(serverDate = NOW): TransportOutcome {
  return {
    kind: 'response',
    status: 200,
    body: {
      city: CITY,
      keys: [{ kid: KEY_PAIR.kid, alg: 'EdDSA', x: KEY_PAIR.publicKey }],
    },
    headers: { Date: serverDate.toUTCString() },
  }
}

export function verdictResponse(
  code: string,
  extra: Record<string, unknown> = {},
): TransportOutcome {
  return json(200, {
    verdict: code === 'ALLOW' ? 'allow' : 'deny',
    code,
    venueName: '场所 v_01',
    checkedAt: NOW.toISOString(),
    message: `server message for ${code}`,
    ...extra,
  })
}

export const NETWORK_ERROR: TransportOutcome = { kind: 'network-error' }
