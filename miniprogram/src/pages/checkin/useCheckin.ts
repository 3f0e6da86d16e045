import { useRef, useState } from 'react'
import type { ApiClient, ApiFailure, ApiResult } from '../../api/client'
import type { CheckinRequest, CheckinResponse } from '../../contract'
import { savePass } from '../../pass/storedPass'
import { useServices } from '../../services/services'

// One scanned code and the key that makes its request safe to repeat. The
// body is fixed with the key, because the API rejects a reused key with a
// different body (IDEMPOTENCY_KEY_REUSED).
export type CheckinAttempt = { key: string; request: CheckinRequest }

// Sends the check-in, and once more with the same key when no response
// arrived. The server returns the first check-in if the lost request had
// reached it.
export async function sendCheckin(
  api: Pick<ApiClient, 'checkin'>,
  attempt: CheckinAttempt,
): Promise<ApiResult<CheckinResponse>> {
  const first = await api.checkin(attempt.request, attempt.key)
  if (first.kind !== 'network') return first
  return api.checkin(attempt.request, attempt.key)
}

// True when the server may not have recorded the request, or is still
// working on it, so a retry must carry the same key.
export function mayRepeat(failure: ApiFailure): boolean {
  switch (failure.kind) {
    case 'network':
    case 'unexpected':
      return true
    case 'problem':
      return (
        failure.status >= 500 ||
        failure.problem.code === 'IDEMPOTENCY_IN_PROGRESS'
      )
  }
}

// Runs check-ins for the page. A new code gets a new key. The same code
// while its last request is unanswered, and the retry button, reuse the
// key. Taps while a request is under way are ignored.
export function useCheckin(onFailure: (failure: ApiFailure | null) => void) {
  const { api, store, clock, navigator, newIdempotencyKey } = useServices()
  const pending = useRef<CheckinAttempt | null>(null)
  const sending = useRef(false)
  const [busy, setBusy] = useState(false)
  const [canRetry, setCanRetry] = useState(false)

  const send = async (attempt: CheckinAttempt) => {
    if (sending.current) return
    sending.current = true
    setBusy(true)
    pending.current = attempt
    const result = await sendCheckin(api, attempt)
    sending.current = false
    setBusy(false)
    if (result.kind === 'ok') {
      pending.current = null
      setCanRetry(false)
      onFailure(null)
      savePass(store, result.value, clock())
      navigator.replace('pass')
      return
    }
    const repeat = mayRepeat(result)
    if (!repeat) pending.current = null
    setCanRetry(repeat)
    onFailure(result)
  }

  const checkIn = (code: string) => {
    if (sending.current) return
    const previous = pending.current
    if (previous !== null && previous.request.code === code) {
      void send(previous)
      return
    }
    const request: CheckinRequest = { code, clientTime: clock().toISOString() }
    void send({ key: newIdempotencyKey(), request })
  }

  const retry = () => {
    if (pending.current !== null) void send(pending.current)
  }

  return { busy, canRetry, checkIn, retry }
}
