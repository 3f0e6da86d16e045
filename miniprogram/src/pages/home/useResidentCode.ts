import { useEffect, useRef, useState } from 'react'
import type { ApiFailure, ApiResult } from '../../api/client'
import type { CodeResponse } from '../../contract'
import { useServices } from '../../services/services'

// Lower bound on the wait between two requests, so a server that sends
// refreshAfterSeconds 0 does not get a request loop.
const MIN_REFRESH_SECONDS = 5
const RETRY_SECONDS = 15

// A failure that may pass by itself: no connection or a server error.
function isTransient(failure: ApiFailure): boolean {
  return (
    failure.kind === 'network' ||
    failure.kind === 'unexpected' ||
    failure.status >= 500
  )
}

// Loads the resident's signed code while `active`, and loads it again
// every refreshAfterSeconds. Stops when `active` turns false.
export function useResidentCode(
  active: boolean,
  onFailure: (failure: ApiFailure) => void,
): CodeResponse | null {
  const { api } = useServices()
  return useRefreshingCode(active, api.getCode, onFailure)
}

// Loads a signed code with `load` while `active`, and loads it again every
// refreshAfterSeconds. `load` has to keep its identity between renders
// (a useCallback), because a new function starts over.
export function useRefreshingCode(
  active: boolean,
  load: () => Promise<ApiResult<CodeResponse>>,
  onFailure: (failure: ApiFailure) => void,
): CodeResponse | null {
  const [code, setCode] = useState<CodeResponse | null>(null)
  // A ref, so a new callback on each render does not restart the timer.
  const onFailureRef = useRef(onFailure)
  onFailureRef.current = onFailure

  useEffect(() => {
    if (!active) return
    let stopped = false
    let timer: ReturnType<typeof setTimeout> | undefined
    const schedule = (seconds: number) => {
      const delay = Math.max(MIN_REFRESH_SECONDS, seconds) * 1000
      timer = setTimeout(() => void next(), delay)
    }
    const next = async () => {
      const result = await load()
      if (stopped) return
      if (result.kind === 'ok') {
        setCode(result.value)
        schedule(result.value.refreshAfterSeconds)
        return
      }
      onFailureRef.current(result)
      if (isTransient(result)) schedule(RETRY_SECONDS)
    }
    void next()
    return () => {
      stopped = true
      clearTimeout(timer)
    }
  }, [active, load])

  return code
}
