import * as QRCode from 'qrcode'

// Level Q recovers about 25 % of damaged codewords, for posters that get
// dirty, torn or taped over at a door.
export const ERROR_CORRECTION = 'Q'
// ISO/IEC 18004 requires a light margin of four modules around the symbol.
export const QUIET_ZONE_MODULES = 4
// At level Q this keeps the symbol at version 19 (93 modules) or lower,
// so its modules are at least 0.96 mm wide at the 9 cm minimum width of
// the poster code.
export const MAX_QR_TEXT_LENGTH = 400

const PRINTABLE_ASCII = /^[\x20-\x7e]+$/

/** The modules of a QR code symbol, without its quiet zone. */
export type QrMatrix = {
  size: number
  isDark(row: number, column: number): boolean
}

/**
 * Throws when `qrText` is not 1 to {@link MAX_QR_TEXT_LENGTH} printable
 * ASCII characters. The venue service always passes such a text, so
 * anything else is a defect.
 */
export function assertQrText(qrText: string): void {
  if (!PRINTABLE_ASCII.test(qrText)) {
    throw new Error(
      'Invalid QR code text: expected printable ASCII (U+0020 to U+007E)',
    )
  }
  if (qrText.length > MAX_QR_TEXT_LENGTH) {
    throw new Error(
      `Invalid QR code text: ${qrText.length} characters, ` +
        `at most ${MAX_QR_TEXT_LENGTH} allowed`,
    )
  }
}

export function createQrMatrix(qrText: string): QrMatrix {
  assertQrText(qrText)
  const { modules } = QRCode.create(qrText, {
    errorCorrectionLevel: ERROR_CORRECTION,
  })
  return {
    size: modules.size,
    isDark: (row, column) => Boolean(modules.get(row, column)),
  }
}

/**
 * Returns an SVG path, in module units, that covers the dark modules. Each
 * horizontal run of dark modules is one rectangle, so a fill leaves no
 * hairline seams between neighbours in a row.
 */
export function darkModulesPath(matrix: QrMatrix): string {
  const rectangles: string[] = []
  for (let row = 0; row < matrix.size; row++) {
    let column = 0
    while (column < matrix.size) {
      if (!matrix.isDark(row, column)) {
        column++
        continue
      }
      const start = column
      while (column < matrix.size && matrix.isDark(row, column)) column++
      rectangles.push(`M${start} ${row}H${column}V${row + 1}H${start}Z`)
    }
  }
  return rectangles.join('')
}
