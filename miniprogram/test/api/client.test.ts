import { describe, expect, it } from 'vitest'
import { createApiClient, type ApiFailure } from '../../src/api/client'
import {
  describeFailure,
  endsSession,
  type LocalInvalid,
} from '../../src/api/failure'
import type { TransportOutcome } from '../../src/api/http'
import { fieldText, problemText } from '../../src/contract'
import { createI18n } from '../../src/i18n'
import { json, problem, routeTransport, type Routes } from '../fakes'

const STATUS = {
  rated: true,
  color: 'yellow',
  until: '2026-01-27T16:00:00Z',
  reasons: [],
  rulesVersion: '2026-01-20.1',
  evaluatedAt: '2026-01-20T04:00:00Z',
}

function clientFor(routes: Routes, token: string | null = 'session-token') {
  const { transport, requests } = routeTransport(routes)
  const api = createApiClient({
    baseUrl: 'http://api.test',
    transport,
    language: () => 'en',
    token: () => token,
  })
  return { api, requests }
}

function statusAnswering(outcome: TransportOutcome) {
  return clientFor({ 'GET /v1/residents/me/status': outcome }).api.getStatus()
}

describe('createApiClient', () => {
  it('sends the language and the bearer token', async () => {
    const { api, requests } = clientFor({
      'GET /v1/residents/me/status': json(200, STATUS),
    })
    await api.getStatus()
    expect(requests[0]?.url).toBe('http://api.test/v1/residents/me/status')
    expect(requests[0]?.headers['Accept-Language']).toBe('en')
    expect(requests[0]?.headers.Authorization).toBe('Bearer session-token')
  })

  it('sends no Authorization header without a token', async () => {
    const { api, requests } = clientFor(
      {
        'POST /v1/auth/otp': json(202, {
          expiresInSeconds: 300,
          retryAfterSeconds: 60,
        }),
      },
      null,
    )
    await api.requestOtp({ phone: '+8613800000003' })
    expect(requests[0]?.headers.Authorization).toBeUndefined()
    expect(requests[0]?.headers['Content-Type']).toBe('application/json')
    expect(requests[0]?.body).toEqual({ phone: '+8613800000003' })
  })

  it('returns the parsed body of a 2xx response', async () => {
    const result = await statusAnswering(json(200, STATUS))
    expect(result).toEqual({ kind: 'ok', value: STATUS })
  })

  it('returns the problem details of an error response', async () => {
    const errors = [
      { field: 'phone', code: 'PHONE_INVALID', message: 'bad phone' },
    ]
    const result = await statusAnswering(
      problem(422, 'VALIDATION_FAILED', errors),
    )
    expect(result.kind).toBe('problem')
    if (result.kind !== 'problem') return
    expect(result.status).toBe(422)
    expect(result.problem.code).toBe('VALIDATION_FAILED')
    expect(result.problem.errors).toEqual(errors)
  })

  it('keeps a problem code the app does not know', async () => {
    const result = await statusAnswering(problem(409, 'SOMETHING_NEW'))
    expect(result.kind).toBe('problem')
    if (result.kind !== 'problem') return
    expect(result.problem.code).toBe('SOMETHING_NEW')
    expect(result.problem.detail).toBe('server detail for SOMETHING_NEW')
  })

  it('parses a body that arrives as text', async () => {
    const result = await statusAnswering(json(200, JSON.stringify(STATUS)))
    expect(result).toEqual({ kind: 'ok', value: STATUS })
  })

  it('rejects a 2xx body that breaks the contract', async () => {
    const result = await statusAnswering(json(200, { rated: 'yes' }))
    expect(result).toEqual({ kind: 'unexpected', status: 200 })
  })

  it('rejects an error body that is not problem details', async () => {
    const result = await statusAnswering(json(502, 'the API is not reachable'))
    expect(result).toEqual({ kind: 'unexpected', status: 502 })
  })

  it('reports a request without response as a network failure', async () => {
    const result = await statusAnswering({ kind: 'network-error' })
    expect(result).toEqual({ kind: 'network' })
  })

  it('sends the idempotency key of a check-in', async () => {
    const { api, requests } = clientFor({
      'POST /v1/checkins': json(422, {}),
    })
    await api.checkin({ code: 'venue-code' }, 'key-0001-0000-0000')
    expect(requests[0]?.headers['Idempotency-Key']).toBe('key-0001-0000-0000')
    expect(requests[0]?.body).toEqual({ code: 'venue-code' })
  })

  it('refreshes the session without a body', async () => {
    const { api, requests } = clientFor({
      'POST /v1/auth/refresh': json(200, {
        token: 'renewed',
        expiresAt: '2026-01-20T16:00:00Z',
        role: 'business',
        roles: ['resident', 'business'],
        registered: true,
      }),
    })
    const result = await api.refreshSession()
    expect(result.kind).toBe('ok')
    expect(requests[0]?.body).toBeUndefined()
    expect(requests[0]?.headers['Content-Type']).toBeUndefined()
  })

  it('returns the keys with the Date header', async () => {
    const keys = { city: 'hangzhou', keys: [] }
    const { api } = clientFor({
      'GET /v1/keys': {
        kind: 'response',
        status: 200,
        body: keys,
        headers: { date: 'Tue, 20 Jan 2026 04:00:00 GMT' },
      },
    })
    expect(await api.getKeys()).toEqual({
      kind: 'ok',
      value: { keys, serverDate: 'Tue, 20 Jan 2026 04:00:00 GMT' },
    })
  })

  it('returns the keys without a Date header', async () => {
    const keys = { city: 'hangzhou', keys: [] }
    const { api } = clientFor({ 'GET /v1/keys': json(200, keys) })
    expect(await api.getKeys()).toEqual({
      kind: 'ok',
      value: { keys, serverDate: null },
    })
  })

  it('escapes venue ids in paths', async () => {
    const { api, requests } = clientFor({})
    await api.getVenue('v/../x')
    expect(requests[0]?.url).toBe('http://api.test/v1/venues/v%2F..%2Fx')
  })
})

function problemFailure(
  code: string,
  errors?: { field: string; code: string; message: string }[],
): ApiFailure {
  return {
    kind: 'problem',
    status: 422,
    problem: {
      code,
      title: `server title for ${code}`,
      detail: `server detail for ${code}`,
      ...(errors === undefined ? {} : { errors }),
    },
  }
}

describe('describeFailure', () => {
  const t = createI18n('en').t

  it('words a known code with the shared text', () => {
    const failure = problemFailure('OTP_EXPIRED')
    expect(describeFailure(failure, 'zh', t).banner).toEqual(
      problemText('OTP_EXPIRED', 'zh'),
    )
    expect(describeFailure(failure, 'en', t).banner).toEqual(
      problemText('OTP_EXPIRED', 'en'),
    )
  })

  it('falls back to the server text for an unknown code', () => {
    const text = describeFailure(problemFailure('SOMETHING_NEW'), 'en', t)
    expect(text.banner).toEqual({
      title: 'server title for SOMETHING_NEW',
      detail: 'server detail for SOMETHING_NEW',
    })
  })

  it('words field problems by field', () => {
    const failure = problemFailure('VALIDATION_FAILED', [
      { field: 'document.number', code: 'ID_CHECKSUM_INVALID', message: 'x' },
      { field: 'answers.travel', code: 'conflicting_options', message: 'y' },
    ])
    const text = describeFailure(failure, 'en', t)
    expect(text.fields['document.number']).toBe(
      fieldText('document.number', 'ID_CHECKSUM_INVALID', 'en'),
    )
    expect(text.fields['answers.travel']).toBe('y')
  })

  it('gives a network failure its own message', () => {
    const english = describeFailure({ kind: 'network' }, 'en', t)
    expect(english.banner.detail).toBe(
      'Could not reach the server. Check your connection and try again.',
    )
    const chinese = describeFailure(
      { kind: 'network' },
      'zh',
      createI18n('zh').t,
    )
    expect(chinese.banner.detail).toBe('无法连接服务器。请检查网络后重试。')
    expect(english.fields).toEqual({})
  })

  it('words problems found before sending', () => {
    const invalid: LocalInvalid = {
      kind: 'invalid',
      fields: [{ field: 'phone', code: 'PHONE_INVALID' }],
    }
    const text = describeFailure(invalid, 'zh', t)
    expect(text.banner).toEqual(problemText('VALIDATION_FAILED', 'zh'))
    expect(text.fields.phone).toBe(fieldText('phone', 'PHONE_INVALID', 'zh'))
  })
})

describe('endsSession', () => {
  it.each([
    ['AUTH_REQUIRED', true],
    ['AUTH_TOKEN_INVALID', true],
    ['AUTH_TOKEN_EXPIRED', true],
    ['NOT_REGISTERED', false],
    ['INTERNAL', false],
  ])('treats %s as ended: %s', (code, expected) => {
    expect(endsSession(problemFailure(code))).toBe(expected)
  })

  it('keeps the session on a network failure', () => {
    expect(endsSession({ kind: 'network' })).toBe(false)
  })
})
