import jsQR from 'jsqr'
import type { FillRect } from '../stubs/taro'

// Paints recorded fills into RGBA pixels, starting from a transparent
// canvas as a cleared one is.
export function rasterize(fills: readonly FillRect[], size: number) {
  const pixels = new Uint8ClampedArray(size * size * 4)
  for (const fill of fills) {
    const value = fill.color === '#ffffff' ? 255 : 0
    const bottom = Math.min(size, fill.y + fill.height)
    const right = Math.min(size, fill.x + fill.width)
    for (let y = Math.max(0, fill.y); y < bottom; y++) {
      for (let x = Math.max(0, fill.x); x < right; x++) {
        const index = (y * size + x) * 4
        pixels.set([value, value, value, 255], index)
      }
    }
  }
  return pixels
}

export function decode(fills: readonly FillRect[], size: number) {
  return jsQR(rasterize(fills, size), size, size)?.data ?? null
}

// Returns how far the nearest non-white pixel is from the canvas edge.
export function marginOf(pixels: Uint8ClampedArray, size: number): number {
  let margin = size
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      if (pixels[(y * size + x) * 4] === 255) continue
      margin = Math.min(margin, x, y, size - 1 - x, size - 1 - y)
    }
  }
  return margin
}
