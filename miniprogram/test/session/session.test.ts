import { describe, expect, it } from 'vitest'
import { createSessionStore, hasRole } from '../../src/session/session'
import { memoryStore, NOW, SIGNED_IN } from '../fakes'

describe('createSessionStore', () => {
  it('reads a session stored before roles as a resident', () => {
    const store = memoryStore()
    const { roles: _roles, ...older } = SIGNED_IN
    store.write('healthcode.session', JSON.stringify(older))
    const session = createSessionStore(store, () => NOW).load()
    expect(session?.roles).toEqual(['resident'])
    expect(session?.token).toBe('session-token')
  })

  it('renews token and roles and keeps the rest', () => {
    const sessions = createSessionStore(memoryStore(), () => NOW)
    sessions.save(SIGNED_IN)
    sessions.renew({
      token: 'renewed',
      expiresAt: '2026-01-20T20:00:00Z',
      roles: ['resident', 'guard'],
    })
    expect(sessions.load()).toEqual({
      ...SIGNED_IN,
      token: 'renewed',
      expiresAt: '2026-01-20T20:00:00Z',
      roles: ['resident', 'guard'],
    })
  })
})

describe('hasRole', () => {
  it('finds a role of the session', () => {
    const guard = {
      ...SIGNED_IN,
      roles: ['resident' as const, 'guard' as const],
    }
    expect(hasRole(guard, 'guard')).toBe(true)
    expect(hasRole(guard, 'business')).toBe(false)
  })

  it('finds no role without a session', () => {
    expect(hasRole(null, 'resident')).toBe(false)
  })
})
