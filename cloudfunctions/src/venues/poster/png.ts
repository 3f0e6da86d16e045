import * as QRCode from 'qrcode'
import { createQrMatrix, ERROR_CORRECTION, QUIET_ZONE_MODULES } from './qr'

export type PosterPngInput = { qrText: string; venueName: string }

const MIN_PNG_WIDTH = 600

/**
 * Renders the QR code with its quiet zone as a PNG of at least 600 pixels,
 * for screens and messages. Every module is a whole number of pixels.
 *
 * The venue name is not drawn: that would need a text rasterizer, which
 * none of the installed packages provides, so `venueName` is accepted
 * for the caller's symmetry with the PDF and not used.
 */
export async function renderPosterPng(
  input: PosterPngInput,
): Promise<Uint8Array> {
  const matrix = createQrMatrix(input.qrText)
  const modulesWithQuietZone = matrix.size + 2 * QUIET_ZONE_MODULES
  const png = await QRCode.toBuffer(input.qrText, {
    type: 'png',
    errorCorrectionLevel: ERROR_CORRECTION,
    margin: QUIET_ZONE_MODULES,
    scale: Math.ceil(MIN_PNG_WIDTH / modulesWithQuietZone),
  })
  return new Uint8Array(png.buffer, png.byteOffset, png.byteLength)
}
