import { z } from 'zod'
import { CheckinView, Pass, type CheckinResponse } from '../contract'
import { readJson, type KeyValueStore } from '../session/store'

const PASS_KEY = 'healthcode.pass'

// The last check-in and its pass, kept so the pass page can show it after
// a restart of the app.
export const StoredPass = z
  .object({
    checkin: CheckinView,
    pass: Pass,
    // Device time when the response arrived.
    receivedAt: z.iso.datetime({ offset: true }),
  })
  .strict()
export type StoredPass = z.infer<typeof StoredPass>

export function savePass(
  store: KeyValueStore,
  response: CheckinResponse,
  receivedAt: Date,
): void {
  const stored: StoredPass = {
    checkin: response.checkin,
    pass: response.pass,
    receivedAt: receivedAt.toISOString(),
  }
  store.write(PASS_KEY, JSON.stringify(stored))
}

export function loadPass(store: KeyValueStore): StoredPass | null {
  const parsed = StoredPass.safeParse(readJson(store, PASS_KEY))
  return parsed.success ? parsed.data : null
}

// Returns when the pass expires by the device's clock. The pass lives from
// the check-in (`at`) to `expiresAt`, both server times, and that span is
// counted from the moment the response arrived, so a phone whose clock is
// wrong still counts down the right number of seconds.
// NOTE: when a retry gets the stored response of a request that reached
// the server earlier, the span restarts on arrival, late by up to the
// seconds the retry took.
export function deviceExpiry(stored: StoredPass): number {
  const lifetime =
    Date.parse(stored.pass.expiresAt) - Date.parse(stored.checkin.at)
  return Date.parse(stored.receivedAt) + lifetime
}
