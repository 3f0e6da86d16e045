import { describe, expect, it } from 'vitest'
import { httpEvent } from '../../test/events'
import { createHttpHandler } from '../http/handler'
import { fallbackRoutes } from './handler'

// The handler behind serverless.yml's `*` route: requests that no deployed
// route takes.
const fallback = createHttpHandler({
  routes: fallbackRoutes(),
  authenticate: () => {
    throw new Error('the fallback routes need no session')
  },
  clock: { now: () => new Date('2026-02-10T02:00:00.000Z') },
  logger: { info: () => {}, warn: () => {}, error: () => {} },
})

describe('fallback route', () => {
  it('answers an unknown path with a NOT_FOUND problem', async () => {
    const response = await fallback(
      httpEvent({ method: 'GET', path: '/v1/nothing-here' }),
    )
    expect(response.statusCode).toBe(404)
    expect(response.headers?.['content-type']).toMatch(
      /^application\/problem\+json/,
    )
    expect(JSON.parse(String(response.body)).code).toBe('NOT_FOUND')
  })

  it('answers another method on a known path with 405', async () => {
    const response = await fallback(
      httpEvent({ method: 'DELETE', path: '/v1/auth/otp' }),
    )
    expect(response.statusCode).toBe(405)
    expect(JSON.parse(String(response.body)).code).toBe('METHOD_NOT_ALLOWED')
    expect(response.headers?.allow).toBe('POST')
  })

  it('matches a path with a parameter', async () => {
    const response = await fallback(
      httpEvent({ method: 'POST', path: '/v1/venues/abc/poster' }),
    )
    expect(response.statusCode).toBe(405)
    expect(response.headers?.allow).toBe('GET')
  })
})
