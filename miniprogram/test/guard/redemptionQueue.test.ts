import { describe, expect, it } from 'vitest'
import { createApiClient } from '../../src/api/client'
import type { HttpRequest } from '../../src/api/http'
import type { RedemptionItem } from '../../src/contract'
import {
  enqueueRedemption,
  loadQueue,
  syncRedemptions,
} from '../../src/guard/redemptionQueue'
import { json, memoryStore, routeTransport, type Routes } from '../fakes'

function item(index: number): RedemptionItem {
  return {
    token: `pass-${index}`,
    venueId: 'v_01',
    verifiedAt: '2026-01-20T04:00:00.000Z',
  }
}

function clientFor(routes: Routes) {
  const { transport, requests } = routeTransport(routes)
  const api = createApiClient({
    baseUrl: 'http://api.test',
    transport,
    language: () => 'zh',
    token: () => 'guard-token',
  })
  return { api, requests }
}

function itemsOf(request: HttpRequest | undefined): unknown[] {
  return (request?.body as { items: unknown[] } | undefined)?.items ?? []
}

// Responds to a request with every item redeemed.
function redeemAll(request: HttpRequest) {
  const results = itemsOf(request).map(() => ({ status: 'redeemed' }))
  return json(200, { results })
}

describe('syncRedemptions', () => {
  it('sends nothing for an empty queue', async () => {
    const { api, requests } = clientFor({})
    const outcome = await syncRedemptions(api, memoryStore())
    expect(outcome).toEqual({ kind: 'empty' })
    expect(requests).toHaveLength(0)
  })

  it('sends at most 100 items per request', async () => {
    const store = memoryStore()
    for (let index = 0; index < 130; index++) {
      enqueueRedemption(store, item(index))
    }
    const { api, requests } = clientFor({
      'POST /v1/checkpoint/redemptions': redeemAll,
    })
    const outcome = await syncRedemptions(api, store)
    expect(requests.map((request) => itemsOf(request).length)).toEqual([
      100, 30,
    ])
    expect(outcome).toEqual({
      kind: 'synced',
      counts: { redeemed: 130, alreadyUsed: 0, invalid: 0 },
    })
    expect(loadQueue(store)).toEqual([])
  })

  it('keeps items queued while a request was under way', async () => {
    const store = memoryStore()
    enqueueRedemption(store, item(1))
    let added = false
    const { api, requests } = clientFor({
      'POST /v1/checkpoint/redemptions': (request) => {
        if (!added) {
          added = true
          enqueueRedemption(store, item(2))
        }
        return redeemAll(request)
      },
    })
    await syncRedemptions(api, store)
    expect(requests.map(itemsOf)).toEqual([[item(1)], [item(2)]])
    expect(loadQueue(store)).toEqual([])
  })

  it('counts each result status', async () => {
    const store = memoryStore()
    for (let index = 0; index < 3; index++) {
      enqueueRedemption(store, item(index))
    }
    const { api } = clientFor({
      'POST /v1/checkpoint/redemptions': json(200, {
        results: [
          { status: 'redeemed' },
          { status: 'already_used' },
          { status: 'invalid', code: 'EXPIRED' },
        ],
      }),
    })
    expect(await syncRedemptions(api, store)).toEqual({
      kind: 'synced',
      counts: { redeemed: 1, alreadyUsed: 1, invalid: 1 },
    })
  })

  it('keeps the queue when results are missing', async () => {
    const store = memoryStore()
    enqueueRedemption(store, item(1))
    enqueueRedemption(store, item(2))
    const { api } = clientFor({
      'POST /v1/checkpoint/redemptions': json(200, {
        results: [{ status: 'redeemed' }],
      }),
    })
    const outcome = await syncRedemptions(api, store)
    expect(outcome.kind).toBe('failed')
    expect(loadQueue(store)).toEqual([item(1), item(2)])
  })

  it('keeps the queue when the request fails', async () => {
    const store = memoryStore()
    enqueueRedemption(store, item(1))
    const { api } = clientFor({
      'POST /v1/checkpoint/redemptions': { kind: 'network-error' },
    })
    const outcome = await syncRedemptions(api, store)
    expect(outcome).toEqual({
      kind: 'failed',
      counts: { redeemed: 0, alreadyUsed: 0, invalid: 0 },
      failure: { kind: 'network' },
    })
    expect(loadQueue(store)).toEqual([item(1)])
  })
})
