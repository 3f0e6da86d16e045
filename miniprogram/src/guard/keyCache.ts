import { z } from 'zod'
import type { ApiClient } from '../api/client'
import type { Clock } from '../session/session'
import { readJson, type KeyValueStore } from '../session/store'

const KEYS_KEY = 'healthcode.guard.keys'

// The city's public keys, kept so the device can verify codes while
// offline.
export const CachedKeys = z
  .object({
    city: z.string(),
    keys: z.array(z.object({ kid: z.string(), x: z.string() }).strict()),
    // Device clock minus server time in seconds, or null before the first
    // measurement.
    clockOffsetSeconds: z.number().nullable(),
    fetchedAt: z.iso.datetime({ offset: true }),
  })
  .strict()
export type CachedKeys = z.infer<typeof CachedKeys>

export function loadKeys(store: KeyValueStore): CachedKeys | null {
  const parsed = CachedKeys.safeParse(readJson(store, KEYS_KEY))
  return parsed.success ? parsed.data : null
}

function saveKeys(store: KeyValueStore, cached: CachedKeys): void {
  store.write(KEYS_KEY, JSON.stringify(cached))
}

// Returns the device clock minus the server time, in seconds, taking the
// server's reading to be halfway through the request.
export function measureOffsetSeconds(
  serverTime: number,
  sentAt: Date,
  receivedAt: Date,
): number {
  const deviceMidpoint = (sentAt.getTime() + receivedAt.getTime()) / 2
  return (deviceMidpoint - serverTime) / 1000
}

// An HTTP Date header counts whole seconds, so the server read its clock
// somewhere in the following second; the middle of it is the estimate.
function serverTimeOfDateHeader(date: string | null): number | null {
  if (date === null) return null
  const parsed = Date.parse(date)
  return Number.isNaN(parsed) ? null : parsed + 500
}

// Fetches the keys and measures the clock offset from the response's Date
// header. Returns the cached keys, if any, when the fetch fails.
export async function refreshKeys(
  api: Pick<ApiClient, 'getKeys'>,
  store: KeyValueStore,
  clock: Clock,
): Promise<CachedKeys | null> {
  const previous = loadKeys(store)
  const sentAt = clock()
  const result = await api.getKeys()
  if (result.kind !== 'ok') return previous
  const receivedAt = clock()
  const serverTime = serverTimeOfDateHeader(result.value.serverDate)
  const cached: CachedKeys = {
    city: result.value.keys.city,
    keys: result.value.keys.keys.map(({ kid, x }) => ({ kid, x })),
    clockOffsetSeconds:
      serverTime === null
        ? (previous?.clockOffsetSeconds ?? null)
        : measureOffsetSeconds(serverTime, sentAt, receivedAt),
    fetchedAt: receivedAt.toISOString(),
  }
  saveKeys(store, cached)
  return cached
}

// Updates the clock offset from a server timestamp, such as `checkedAt`
// of a verification, which is more precise than the Date header.
export function recordServerTime(
  store: KeyValueStore,
  serverTime: string,
  sentAt: Date,
  receivedAt: Date,
): void {
  const cached = loadKeys(store)
  if (cached === null) return
  const clockOffsetSeconds = measureOffsetSeconds(
    Date.parse(serverTime),
    sentAt,
    receivedAt,
  )
  saveKeys(store, { ...cached, clockOffsetSeconds })
}
