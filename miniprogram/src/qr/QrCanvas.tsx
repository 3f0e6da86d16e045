import { Canvas } from '@tarojs/components'
import { useEffect, useRef } from 'react'
import { obtainCanvas } from './canvasSurface'
import { drawQr } from './drawQr'

type Props = {
  id: string
  // The text to encode, or null to leave the canvas as it is.
  text: string | null
  // Side of the square canvas in CSS pixels, which are also its drawing
  // units.
  size: number
  // Called after each attempt: true when the code is on the canvas.
  onDrawn?: (drawn: boolean) => void
}

// A square canvas showing `text` as a QR code, redrawn when the text
// changes.
export function QrCanvas({ id, text, size, onDrawn }: Props) {
  // A ref, so a new callback on each render does not trigger a redraw.
  const onDrawnRef = useRef(onDrawn)
  onDrawnRef.current = onDrawn

  useEffect(() => {
    if (text === null) return
    let cancelled = false
    void obtainCanvas(id, size).then((surface) => {
      if (cancelled) return
      const outcome =
        surface === null ? null : drawQr(surface.ctx, text, surface.size)
      onDrawnRef.current?.(outcome?.kind === 'drawn')
    })
    return () => {
      cancelled = true
    }
  }, [id, text, size])

  // Inline pixel sizes, because the stylesheet's px are converted to rpx
  // and rem, which would no longer match the drawing units.
  return (
    <Canvas
      id={id}
      canvasId={id}
      width={String(size)}
      height={String(size)}
      className='qr-canvas'
      style={{ width: `${size}px`, height: `${size}px` }}
    />
  )
}
