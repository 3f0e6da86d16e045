import { z } from 'zod'
import type { ApiClient, ApiFailure } from '../api/client'
import { Venue } from '../contract'
import { readJson, type KeyValueStore } from '../session/store'

const VENUES_KEY = 'healthcode.guard.venues'
const SELECTED_KEY = 'healthcode.guard.venue'

const CachedVenues = z.array(Venue)

export type GuardVenues = {
  venues: Venue[]
  // Set when the list comes from storage because the request failed.
  failure: ApiFailure | null
}

export function loadCachedVenues(store: KeyValueStore): Venue[] {
  const parsed = CachedVenues.safeParse(readJson(store, VENUES_KEY))
  return parsed.success ? parsed.data : []
}

// Loads the venues the account guards and keeps them, with their guard
// policies, for a device that opens the page offline.
export async function loadGuardVenues(
  api: Pick<ApiClient, 'listVenues'>,
  store: KeyValueStore,
): Promise<GuardVenues> {
  const result = await api.listVenues()
  if (result.kind !== 'ok') {
    return { venues: loadCachedVenues(store), failure: result }
  }
  const venues = result.value.items.filter((v) => v.access === 'guard')
  store.write(VENUES_KEY, JSON.stringify(venues))
  return { venues, failure: null }
}

export function loadSelectedVenueId(store: KeyValueStore): string | null {
  return store.read(SELECTED_KEY)
}

export function saveSelectedVenueId(store: KeyValueStore, id: string): void {
  store.write(SELECTED_KEY, id)
}
