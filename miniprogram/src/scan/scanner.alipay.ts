import Taro from '@tarojs/taro'
import type { ScanOutcome, Scanner } from './types'

// my.scan reports a cancelled scan with error 10.
const USER_CANCELLED = 10

function isCancel(error: unknown): boolean {
  return (error as { error?: unknown } | null)?.error === USER_CANCELLED
}

// Scans with the camera only, because a code picked from the album could be
// a screenshot taken anywhere. Alipay's my.scan hides the album button with
// `hideAlbum: true` and reads only QR codes with `type: 'qr'`. Taro 4.2's
// Alipay adapter (plugin-platform-alipay, runtime.js) derives both from
// onlyFromCamera and scanType, and returns my.scan's `code` as `result`.
export const platformScanner: Scanner = {
  kind: 'camera',
  async scan(): Promise<ScanOutcome> {
    try {
      const result = await Taro.scanCode({
        onlyFromCamera: true,
        scanType: ['qrCode'],
      })
      return { kind: 'scanned', text: result.result }
    } catch (error) {
      return isCancel(error) ? { kind: 'cancelled' } : { kind: 'failed' }
    }
  },
}
