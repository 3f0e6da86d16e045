import Taro from '@tarojs/taro'

// Persistent string storage: mini-program storage, localStorage in H5.
export type KeyValueStore = {
  read(key: string): string | null
  write(key: string, value: string): void
  remove(key: string): void
}

export const taroStore: KeyValueStore = {
  read(key) {
    // Mini-program storage returns '' for a missing key, H5 returns null.
    const value: unknown = Taro.getStorageSync(key)
    return typeof value === 'string' && value !== '' ? value : null
  },
  write(key, value) {
    Taro.setStorageSync(key, value)
  },
  remove(key) {
    Taro.removeStorageSync(key)
  },
}

// Parses stored JSON. Storage edited by hand or left by an older version
// can hold anything, so unreadable text counts as missing.
export function readJson(store: KeyValueStore, key: string): unknown {
  const text = store.read(key)
  if (text === null) return undefined
  try {
    return JSON.parse(text) as unknown
  } catch {
    return undefined
  }
}
