import drawQrcode, { type QrCanvasContext } from 'weapp-qrcode'
import { CORRECT_LEVEL_M, layoutQr } from './layout'

export type DrawOutcome = { kind: 'drawn' } | { kind: 'too-large' }

// Draws the text as a QR code on a legacy canvas context, white background
// and quiet zone included. weapp-qrcode paints only the modules, and its
// draw() replaces what the canvas showed before.
export function drawQr(
  ctx: QrCanvasContext,
  text: string,
  canvasSize: number,
): DrawOutcome {
  const layout = layoutQr(text, canvasSize)
  if (layout === null) return { kind: 'too-large' }
  ctx.setFillStyle('#ffffff')
  ctx.fillRect(0, 0, canvasSize, canvasSize)
  drawQrcode({
    ctx,
    text,
    typeNumber: layout.typeNumber,
    correctLevel: CORRECT_LEVEL_M,
    width: layout.codeSize,
    height: layout.codeSize,
    x: layout.offset,
    y: layout.offset,
    background: '#ffffff',
    foreground: '#000000',
  })
  return { kind: 'drawn' }
}
