import type { Scanner } from './types'

// Taro's H5 scanCode works only inside WeChat's browser with the JS-SDK
// configured, so the web build takes the scanned text in a field.
export const platformScanner: Scanner = { kind: 'paste' }
