import { describe, expect, it } from 'vitest'
import type { ApiFailure, ApiResult } from '../../src/api/client'
import type { ResidentStatus } from '../../src/contract'
import type { Route } from '../../src/navigation/routes'
import {
  decideStartRoute,
  followDecision,
  routeForStatus,
  type StartDecision,
} from '../../src/navigation/startRoute'

const RATED: ResidentStatus = {
  rated: true,
  color: 'green',
  until: null,
  reasons: [],
  rulesVersion: '2026-01-20.1',
  evaluatedAt: '2026-01-20T04:00:00Z',
}

function problemResult(code: string, status: number): ApiResult<never> {
  return {
    kind: 'problem',
    status,
    problem: { code, title: code, detail: code },
  }
}

describe('routeForStatus', () => {
  it.each<[string, ApiResult<ResidentStatus>, string]>([
    ['a rated resident', { kind: 'ok', value: RATED }, 'home'],
    [
      'an unrated resident',
      { kind: 'ok', value: { rated: false } },
      'questionnaire',
    ],
    [
      'QUESTIONNAIRE_REQUIRED',
      problemResult('QUESTIONNAIRE_REQUIRED', 409),
      'questionnaire',
    ],
    ['NOT_REGISTERED', problemResult('NOT_REGISTERED', 404), 'register'],
    ['AUTH_TOKEN_EXPIRED', problemResult('AUTH_TOKEN_EXPIRED', 401), 'login'],
  ])('sends %s to %s', (_case, result, route) => {
    expect(routeForStatus(result)).toEqual({ kind: 'route', route })
  })

  it('reports other failures instead of moving on', () => {
    const failure = problemResult('INTERNAL', 500)
    expect(routeForStatus(failure)).toEqual({ kind: 'failed', failure })
    expect(routeForStatus({ kind: 'network' })).toEqual({
      kind: 'failed',
      failure: { kind: 'network' },
    })
  })
})

describe('decideStartRoute', () => {
  it('skips the status request when unregistered', async () => {
    let requested = false
    const decision = await decideStartRoute(false, async () => {
      requested = true
      return { kind: 'ok', value: RATED }
    })
    expect(decision).toEqual({ kind: 'route', route: 'register' })
    expect(requested).toBe(false)
  })

  it('asks for the status of a registered user', async () => {
    const decision = await decideStartRoute(true, async () => ({
      kind: 'ok',
      value: { rated: false },
    }))
    expect(decision).toEqual({ kind: 'route', route: 'questionnaire' })
  })
})

function follow(decision: StartDecision) {
  const visited: Route[] = []
  const failures: ApiFailure[] = []
  let cleared = false
  followDecision(
    decision,
    { clear: () => (cleared = true) },
    { go: (route) => visited.push(route) },
    (failure) => failures.push(failure),
  )
  return { visited, failures, cleared }
}

describe('followDecision', () => {
  it('ends the session before sending to sign-in', () => {
    const outcome = follow({ kind: 'route', route: 'login' })
    expect(outcome.cleared).toBe(true)
    expect(outcome.visited).toEqual(['login'])
  })

  it('keeps the session on the way home', () => {
    const outcome = follow({ kind: 'route', route: 'home' })
    expect(outcome.cleared).toBe(false)
    expect(outcome.visited).toEqual(['home'])
  })

  it('reports a failure without moving', () => {
    const outcome = follow({ kind: 'failed', failure: { kind: 'network' } })
    expect(outcome.failures).toEqual([{ kind: 'network' }])
    expect(outcome.visited).toEqual([])
  })
})
