import Taro from '@tarojs/taro'
import type { ScanOutcome, Scanner } from './types'

function isCancel(error: unknown): boolean {
  const message = (error as { errMsg?: unknown } | null)?.errMsg
  return typeof message === 'string' && message.includes('cancel')
}

// Scans with the camera only. A code picked from the photo album could be a
// screenshot taken anywhere, which defeats a check-in at the door.
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
