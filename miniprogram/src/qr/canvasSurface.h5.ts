import Taro from '@tarojs/taro'
import type { QrCanvasContext } from 'weapp-qrcode'

export type CanvasSurface = { ctx: QrCanvasContext; size: number }

const MAX_FRAMES = 120

function nextFrame(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => resolve()))
}

// Returns the inner <canvas> once taro-canvas-core has rendered it and set
// its pixel size, which it does after its first render. Drawing earlier
// would find no canvas, or be wiped when the size is set.
async function renderedCanvas(
  canvasId: string,
  size: number,
): Promise<HTMLCanvasElement | null> {
  const selector = `canvas[canvas-id="${canvasId}"]`
  for (let frame = 0; frame < MAX_FRAMES; frame++) {
    const canvas = document.querySelector<HTMLCanvasElement>(selector)
    if (canvas !== null && canvas.width === size) return canvas
    await nextFrame()
  }
  return null
}

// Returns a legacy 2D context for the canvas, or null when the canvas did
// not appear within about two seconds of frames.
export async function obtainCanvas(
  canvasId: string,
  size: number,
): Promise<CanvasSurface | null> {
  const canvas = await renderedCanvas(canvasId, size)
  if (canvas === null) return null
  // Without a scope Taro looks the canvas up in the whole document.
  return { ctx: Taro.createCanvasContext(canvasId), size: canvas.width }
}
