import { z } from 'zod'
import type { ApiClient, ApiFailure } from '../api/client'
import { MAX_REDEMPTIONS_PER_REQUEST, RedemptionItem } from '../contract'
import { readJson, type KeyValueStore } from '../session/store'

const QUEUE_KEY = 'healthcode.guard.redemptions'

const Queue = z.array(RedemptionItem)

// Passes and codes admitted offline, oldest first, waiting to be reported
// so the server marks them used.
export function loadQueue(store: KeyValueStore): RedemptionItem[] {
  const parsed = Queue.safeParse(readJson(store, QUEUE_KEY))
  return parsed.success ? parsed.data : []
}

function saveQueue(store: KeyValueStore, items: RedemptionItem[]): void {
  if (items.length === 0) store.remove(QUEUE_KEY)
  else store.write(QUEUE_KEY, JSON.stringify(items))
}

export function enqueueRedemption(
  store: KeyValueStore,
  item: RedemptionItem,
): void {
  saveQueue(store, [...loadQueue(store), item])
}

export type SyncCounts = {
  redeemed: number
  // Admitted offline although the pass had been used before.
  alreadyUsed: number
  invalid: number
}

export type SyncOutcome =
  | { kind: 'synced'; counts: SyncCounts }
  // The queue was empty, so nothing was sent.
  | { kind: 'empty' }
  | { kind: 'failed'; counts: SyncCounts; failure: ApiFailure }

const sameItem = (a: RedemptionItem, b: RedemptionItem) =>
  a.token === b.token &&
  a.venueId === b.venueId &&
  a.verifiedAt === b.verifiedAt

// Removes the sent items, found by content, because items queued while the
// request was under way are in storage too.
function removeSent(store: KeyValueStore, sent: RedemptionItem[]): void {
  const remaining = loadQueue(store).filter(
    (item) => !sent.some((done) => sameItem(done, item)),
  )
  saveQueue(store, remaining)
}

// Sends the queue in batches through POST /v1/checkpoint/redemptions. Every
// item with a result leaves the queue, whatever the result, because a
// retry would get the same one. A failed batch stays for the next sync.
export async function syncRedemptions(
  api: Pick<ApiClient, 'redeem'>,
  store: KeyValueStore,
): Promise<SyncOutcome> {
  const counts: SyncCounts = { redeemed: 0, alreadyUsed: 0, invalid: 0 }
  if (loadQueue(store).length === 0) return { kind: 'empty' }
  for (;;) {
    const batch = loadQueue(store).slice(0, MAX_REDEMPTIONS_PER_REQUEST)
    if (batch.length === 0) return { kind: 'synced', counts }
    const result = await api.redeem({ items: batch })
    if (result.kind !== 'ok') return { kind: 'failed', counts, failure: result }
    // One result per item, in order. A shorter list breaks the contract,
    // and no item is dropped without its result.
    if (result.value.results.length !== batch.length) {
      const failure: ApiFailure = { kind: 'unexpected', status: 200 }
      return { kind: 'failed', counts, failure }
    }
    for (const { status } of result.value.results) {
      if (status === 'redeemed') counts.redeemed += 1
      else if (status === 'already_used') counts.alreadyUsed += 1
      else counts.invalid += 1
    }
    removeSent(store, batch)
  }
}
