import { useEffect, useRef } from 'react'

// Stand-in for @tarojs/taro in jsdom tests: storage in memory, canvas
// contexts that record their drawing, and page show and hide driven by the
// test through showPage and hidePage, and network status events sent by
// reportNetworkBack.

type Callback = () => void

type NetworkListener = (status: { isConnected: boolean }) => void

const storage = new Map<string, string>()
const showCallbacks = new Set<Callback>()
const hideCallbacks = new Set<Callback>()
const networkListeners = new Set<NetworkListener>()
let routerParams: Record<string, string> = {}

export type FillRect = {
  color: string
  x: number
  y: number
  width: number
  height: number
}

// Records what weapp-qrcode and the app draw. `frames` contains the fills of
// each draw() call, which replaces what the canvas showed before.
export class RecordingContext {
  private pending: FillRect[] = []
  private color = '#000000'
  readonly frames: FillRect[][] = []

  setFillStyle(color: string) {
    this.color = color
  }

  fillRect(x: number, y: number, width: number, height: number) {
    this.pending.push({ color: this.color, x, y, width, height })
  }

  draw(_reserve?: boolean, callback?: () => void) {
    this.frames.push(this.pending)
    this.pending = []
    callback?.()
  }
}

export const canvasContexts = new Map<string, RecordingContext>()

function usePageEvent(
  callbacks: Set<Callback>,
  callback: Callback,
  now: boolean,
) {
  const latest = useRef(callback)
  latest.current = callback
  useEffect(() => {
    const run = () => latest.current()
    callbacks.add(run)
    if (now) run()
    return () => {
      callbacks.delete(run)
    }
  }, [callbacks, now])
}

// Like Taro, the page counts as shown once it has mounted.
export function useDidShow(callback: Callback) {
  usePageEvent(showCallbacks, callback, true)
}

export function useDidHide(callback: Callback) {
  usePageEvent(hideCallbacks, callback, false)
}

export function showPage() {
  for (const callback of showCallbacks) callback()
}

export function hidePage() {
  for (const callback of hideCallbacks) callback()
}

// Tells the listeners of Taro.onNetworkStatusChange that the device is
// online again.
export function reportNetworkBack() {
  for (const listener of networkListeners) listener({ isConnected: true })
}

// Sets the query parameters the page under test reads with useRouter.
export function setRouterParams(params: Record<string, string>) {
  routerParams = { ...params }
}

export function useRouter() {
  return { params: routerParams }
}

export function resetTaroStub() {
  routerParams = {}
  networkListeners.clear()
  storage.clear()
  canvasContexts.clear()
  showCallbacks.clear()
  hideCallbacks.clear()
}

const Taro = {
  getStorageSync(key: string): string {
    return storage.get(key) ?? ''
  },
  setStorageSync(key: string, value: string) {
    storage.set(key, value)
  },
  removeStorageSync(key: string) {
    storage.delete(key)
  },
  nextTick(callback: Callback) {
    setTimeout(callback, 0)
  },
  getCurrentInstance() {
    return { page: null }
  },
  createCanvasContext(canvasId: string): RecordingContext {
    const context = canvasContexts.get(canvasId) ?? new RecordingContext()
    canvasContexts.set(canvasId, context)
    return context
  },
  onNetworkStatusChange(listener: NetworkListener) {
    networkListeners.add(listener)
  },
  offNetworkStatusChange(listener: NetworkListener) {
    networkListeners.delete(listener)
  },
  request(): never {
    throw new Error('tests pass a fake transport to the API client')
  },
  reLaunch(): never {
    throw new Error('tests pass a fake navigator')
  },
}

export default Taro
