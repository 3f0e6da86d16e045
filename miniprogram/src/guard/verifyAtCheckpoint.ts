import type { ApiClient, ApiFailure } from '../api/client'
import type {
  Color,
  Venue,
  Verdict,
  VerdictCode,
  VerifyResponse,
} from '../contract'
import type { Clock } from '../session/session'
import type { KeyValueStore } from '../session/store'
import { checkTemperature, checkToken, verdictOf } from './checkpoint'
import { loadKeys, recordServerTime } from './keyCache'
import { enqueueRedemption } from './redemptionQueue'

// A verdict as shown to the guard. Offline verdicts come from this device
// alone and carry no name.
export type VerdictView = {
  source: 'online' | 'offline'
  code: VerdictCode
  verdict: Verdict
  color?: Color
  maskedName?: string
  maskedDocument?: string
}

export type CheckpointOutcome =
  | { kind: 'verdict'; view: VerdictView }
  // Offline, and the device has never downloaded the keys.
  | { kind: 'no-keys' }
  | { kind: 'failed'; failure: ApiFailure }

export type CheckpointDeps = {
  api: Pick<ApiClient, 'verify'>
  store: KeyValueStore
  clock: Clock
}

export type Scan = {
  token: string
  venue: Venue
  // Degrees Celsius, when taken.
  temperature?: number
}

export function onlineView(response: VerifyResponse): VerdictView {
  return {
    source: 'online',
    code: response.code,
    verdict: response.verdict,
    color: response.color,
    maskedName: response.maskedName,
    maskedDocument: response.maskedDocument,
  }
}

// Checks the scan on the device with the cached keys: the same token check
// as the server, then the temperature. ALREADY_USED and NOT_REGISTERED
// need the server and never come out of here.
export function offlineView(
  scan: Scan,
  store: KeyValueStore,
  now: Date,
): VerdictView | null {
  const cached = loadKeys(store)
  if (cached === null) return null
  const policy = scan.venue.guardPolicy
  const check = checkToken(scan.token, {
    keys: cached.keys,
    city: cached.city,
    venueId: scan.venue.id,
    now,
    deviceClockOffsetSeconds: cached.clockOffsetSeconds ?? undefined,
    policy,
  })
  const fever =
    check.code === 'ALLOW' &&
    checkTemperature(scan.temperature, policy).kind === 'fever'
  const code: VerdictCode = fever ? 'FEVER' : check.code
  const color =
    check.code === 'ALLOW' || check.code === 'DENY_COLOR'
      ? check.color
      : undefined
  return { source: 'offline', code, verdict: verdictOf(code), color }
}

// True when the server was unreachable or failed, so the guard at the door
// needs the device's verdict.
function serverUnavailable(failure: ApiFailure): boolean {
  switch (failure.kind) {
    case 'network':
    case 'unexpected':
      return true
    case 'problem':
      return failure.status >= 500
  }
}

// Verifies a scan: first on the device, then with POST
// /v1/checkpoint/verify. The server's verdict wins. Without a connection,
// or with a failing server, the device's verdict is shown, and an
// admission is queued so the server marks the pass used later.
export async function verifyAtCheckpoint(
  scan: Scan,
  deps: CheckpointDeps,
): Promise<CheckpointOutcome> {
  const { api, store, clock } = deps
  const scannedAt = clock()
  const offline = offlineView(scan, store, scannedAt)
  const result = await api.verify({
    token: scan.token,
    venueId: scan.venue.id,
    ...(scan.temperature === undefined
      ? {}
      : { temperature: scan.temperature }),
    deviceTime: scannedAt.toISOString(),
  })
  if (result.kind === 'ok') {
    recordServerTime(store, result.value.checkedAt, scannedAt, clock())
    return { kind: 'verdict', view: onlineView(result.value) }
  }
  if (!serverUnavailable(result)) return { kind: 'failed', failure: result }
  if (offline === null) return { kind: 'no-keys' }
  if (offline.verdict === 'allow') {
    enqueueRedemption(store, {
      token: scan.token,
      venueId: scan.venue.id,
      verifiedAt: scannedAt.toISOString(),
      ...(scan.temperature === undefined
        ? {}
        : { temperature: scan.temperature }),
    })
  }
  return { kind: 'verdict', view: offline }
}
