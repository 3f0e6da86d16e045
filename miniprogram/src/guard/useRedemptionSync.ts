import Taro from '@tarojs/taro'
import { useCallback, useEffect, useRef, useState } from 'react'
import type { ApiFailure } from '../api/client'
import { useServices } from '../services/services'
import {
  loadQueue,
  syncRedemptions,
  type SyncCounts,
} from './redemptionQueue'

// Interval of the retries while items wait, for connections that come back
// without a network status event (a reachable network, an unreachable
// server).
const RETRY_MS = 30_000

type NetworkStatus = { isConnected: boolean }

// Keeps the count of queued redemptions and sends them: when the page
// shows, when the platform reports the network back, every RETRY_MS while
// items wait, and on request. `sync` returns the failure, if any, for the
// caller to show. Automatic syncs fail silently and try again later.
export function useRedemptionSync(visible: boolean) {
  const { api, store } = useServices()
  const [count, setCount] = useState(() => loadQueue(store).length)
  const [report, setReport] = useState<SyncCounts | null>(null)
  const syncing = useRef(false)

  const refreshCount = useCallback(() => {
    setCount(loadQueue(store).length)
  }, [store])

  const sync = useCallback(async (): Promise<ApiFailure | null> => {
    if (syncing.current) return null
    syncing.current = true
    const outcome = await syncRedemptions(api, store)
    syncing.current = false
    setCount(loadQueue(store).length)
    switch (outcome.kind) {
      case 'empty':
        return null
      case 'synced':
        setReport(outcome.counts)
        return null
      case 'failed': {
        const { redeemed, alreadyUsed, invalid } = outcome.counts
        if (redeemed + alreadyUsed + invalid > 0) setReport(outcome.counts)
        return outcome.failure
      }
    }
  }, [api, store])

  useEffect(() => {
    if (visible) void sync()
  }, [visible, sync])

  useEffect(() => {
    if (!visible || count === 0) return
    const timer = setInterval(() => void sync(), RETRY_MS)
    const onNetwork = (status: NetworkStatus) => {
      if (status.isConnected) void sync()
    }
    Taro.onNetworkStatusChange(onNetwork)
    return () => {
      clearInterval(timer)
      Taro.offNetworkStatusChange(onNetwork)
    }
  }, [visible, count, sync])

  return { count, report, sync, refreshCount }
}
