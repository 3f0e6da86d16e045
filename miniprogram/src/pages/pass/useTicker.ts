import { useEffect, useState } from 'react'
import type { Clock } from '../../session/session'

// Returns the clock's time, updated every second while `active`.
export function useTicker(active: boolean, clock: Clock): Date {
  const [now, setNow] = useState(clock)
  useEffect(() => {
    if (!active) return
    setNow(clock())
    const timer = setInterval(() => setNow(clock()), 1000)
    return () => clearInterval(timer)
  }, [active, clock])
  return now
}
