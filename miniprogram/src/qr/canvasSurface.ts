import Taro from '@tarojs/taro'
import type { QrCanvasContext } from 'weapp-qrcode'

export type CanvasSurface = { ctx: QrCanvasContext; size: number }

// Returns the legacy 2D context of a <Canvas canvasId> on the current page.
// The context posts its drawing to the canvas by id, so it waits until
// Taro has passed the rendered page to the mini-program (nextTick).
export function obtainCanvas(
  canvasId: string,
  size: number,
): Promise<CanvasSurface | null> {
  return new Promise((resolve) => {
    Taro.nextTick(() => {
      const page = Taro.getCurrentInstance().page ?? undefined
      resolve({ ctx: Taro.createCanvasContext(canvasId, page), size })
    })
  })
}
