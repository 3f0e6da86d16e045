import { describe, expect, it } from 'vitest'
import { createApiClient } from '../../src/api/client'
import {
  loadKeys,
  measureOffsetSeconds,
  recordServerTime,
  refreshKeys,
} from '../../src/guard/keyCache'
import { memoryStore, NOW, routeTransport, type Routes } from '../fakes'
import { CITY, KEY_PAIR, keysResponse } from './fixtures'

function clientFor(routes: Routes) {
  const { transport } = routeTransport(routes)
  return createApiClient({
    baseUrl: 'http://api.test',
    transport,
    language: () => 'zh',
    token: () => null,
  })
}

describe('measureOffsetSeconds', () => {
  it('compares server time with the middle of the request', () => {
    const sentAt = new Date('2026-01-20T04:00:10.000Z')
    const receivedAt = new Date('2026-01-20T04:00:12.000Z')
    const server = Date.parse('2026-01-20T04:00:01.000Z')
    expect(measureOffsetSeconds(server, sentAt, receivedAt)).toBe(10)
  })
})

describe('refreshKeys', () => {
  it('stores the keys with the offset from the Date header', async () => {
    const store = memoryStore()
    const serverBehind = new Date(NOW.getTime() - 60_000)
    const api = clientFor({ 'GET /v1/keys': keysResponse(serverBehind) })
    const cached = await refreshKeys(api, store, () => NOW)
    expect(cached).toEqual({
      city: CITY,
      keys: [{ kid: KEY_PAIR.kid, x: KEY_PAIR.publicKey }],
      clockOffsetSeconds: 59.5,
      fetchedAt: NOW.toISOString(),
    })
    expect(loadKeys(store)).toEqual(cached)
  })

  it('returns the stored keys when offline', async () => {
    const store = memoryStore()
    await refreshKeys(
      clientFor({ 'GET /v1/keys': keysResponse() }),
      store,
      () => NOW,
    )
    const offline = clientFor({ 'GET /v1/keys': { kind: 'network-error' } })
    const cached = await refreshKeys(offline, store, () => NOW)
    expect(cached?.keys[0]?.x).toBe(KEY_PAIR.publicKey)
  })

  it('returns null offline without stored keys', async () => {
    const offline = clientFor({ 'GET /v1/keys': { kind: 'network-error' } })
    expect(await refreshKeys(offline, memoryStore(), () => NOW)).toBeNull()
  })
})

describe('recordServerTime', () => {
  it('replaces the offset with one from a verification', async () => {
    const store = memoryStore()
    await refreshKeys(
      clientFor({ 'GET /v1/keys': keysResponse() }),
      store,
      () => NOW,
    )
    recordServerTime(store, '2026-01-20T03:59:58.000Z', NOW, NOW)
    expect(loadKeys(store)?.clockOffsetSeconds).toBe(2)
  })
})
