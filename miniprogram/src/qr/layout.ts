// Bytes a QR code holds in byte mode at error correction level M, for
// versions 1 to 40 (ISO/IEC 18004:2015, table 7). A test checks each entry
// against weapp-qrcode's own overflow check.
const BYTE_CAPACITY_M = [
  14, 26, 42, 62, 84, 106, 122, 152, 180, 213, 251, 287, 331, 362, 412, 450,
  504, 560, 624, 666, 711, 779, 857, 911, 997, 1059, 1125, 1190, 1264, 1370,
  1452, 1538, 1628, 1722, 1809, 1911, 1989, 2099, 2213, 2331,
]

// weapp-qrcode's QRErrorCorrectLevel.M. Level M restores up to 15% of the
// code, plenty for a screen, and keeps modules larger than level H would.
export const CORRECT_LEVEL_M = 0

// Modules of white required around a code (ISO/IEC 18004, the quiet zone).
export const QUIET_ZONE_MODULES = 4

export type QrLayout = {
  typeNumber: number
  moduleCount: number
  // Side of one module in canvas units, a whole number so that every
  // module covers the same pixels.
  moduleSize: number
  // Distance from the canvas edge to the first module, at least the quiet
  // zone.
  offset: number
  codeSize: number
}

// Counts bytes the way weapp-qrcode's utf16to8 encodes text: each UTF-16
// code unit becomes 1 to 3 bytes.
export function encodedLength(text: string): number {
  let length = 0
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i)
    if (unit >= 0x0001 && unit <= 0x007f) length += 1
    else if (unit > 0x07ff) length += 3
    else length += 2
  }
  return length
}

// Returns the smallest version that holds the text at level M, or null when
// even version 40 is too small.
export function qrVersionFor(text: string): number | null {
  const length = encodedLength(text)
  const index = BYTE_CAPACITY_M.findIndex((capacity) => capacity >= length)
  return index === -1 ? null : index + 1
}

// Places the code in a square canvas with a quiet zone of four modules on
// every side, centred. Returns null when the text does not fit in a QR code
// or the canvas is too small for one canvas unit per module.
export function layoutQr(text: string, canvasSize: number): QrLayout | null {
  const typeNumber = qrVersionFor(text)
  if (typeNumber === null) return null
  const moduleCount = typeNumber * 4 + 17
  const moduleSize = Math.floor(
    canvasSize / (moduleCount + 2 * QUIET_ZONE_MODULES),
  )
  if (moduleSize < 1) return null
  const codeSize = moduleCount * moduleSize
  const offset = Math.floor((canvasSize - codeSize) / 2)
  return { typeNumber, moduleCount, moduleSize, offset, codeSize }
}
