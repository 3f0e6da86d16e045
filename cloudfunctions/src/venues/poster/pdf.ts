import fontkit from '@pdf-lib/fontkit'
import { PDFDocument, rgb, type PDFPage, type RGB } from 'pdf-lib'
import { createQrMatrix, darkModulesPath, QUIET_ZONE_MODULES } from './qr'
import type { QrMatrix } from './qr'
import {
  embedFontsFor,
  fitText,
  prepareText,
  type TextBox,
  type Typesetter,
} from './text'
import { cityLine, STEPS, TITLE, venueIdLine } from './texts'

export type PosterPdfInput = {
  qrText: string
  venueName: string
  venueAddress: string
  cityName: { zh: string; en: string }
  venueId: string
}

// A4 portrait, in PDF points (1/72 inch).
const PAGE_WIDTH = 595.28
const PAGE_HEIGHT = 841.89
const MARGIN = 36
const CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN
const POINTS_PER_CM = 72 / 2.54
// Width of the QR symbol without its quiet zone: as wide as the room
// between the texts allows, so that it scans from further away, and at
// most 11 cm. At 12 cm jsQR 1.4 missed the code on some whole-page renders
// at 100 and 150 dpi. The minimum is checked on every poster.
const QR_MAX_WIDTH = 11 * POINTS_PER_CM
export const QR_MIN_WIDTH = 9 * POINTS_PER_CM

// Noto Sans SC ascender and descender, per em, and the line spacing.
const ASCENT = 0.88
const DESCENT = 0.12
const LINE_SPACING = 1.3

const BLACK = rgb(0, 0, 0)
const WHITE = rgb(1, 1, 1)
const GREEN = rgb(0, 0.6, 0.33)
const DARK_GRAY = rgb(0.25, 0.25, 0.25)
const GRAY = rgb(0.45, 0.45, 0.45)
const LIGHT_GRAY = rgb(0.8, 0.8, 0.8)

// Lines of one size and color, centered on the page.
type Block = { lines: string[]; size: number; color: RGB; gapBefore: number }

/**
 * Renders the printable A4 poster of a venue: title, venue name, address,
 * the check-in QR code as vector squares, instructions and the venue id.
 * Names are drawn as literal text in Noto Sans SC, whatever characters
 * they contain.
 */
export async function renderPosterPdf(
  input: PosterPdfInput,
): Promise<Uint8Array> {
  const matrix = createQrMatrix(input.qrText)
  const doc = await PDFDocument.create({ updateMetadata: false })
  doc.registerFontkit(fontkit)

  const texts = {
    city: prepareText(cityLine(input.cityName)),
    name: prepareText(input.venueName),
    address: prepareText(input.venueAddress),
    venueId: prepareText(venueIdLine(input.venueId)),
  }
  const fixedTexts = [TITLE.zh, TITLE.en, ...STEPS.flatMap((s) => [s.zh, s.en])]
  const typesetter = await embedFontsFor(doc, [
    ...Object.values(texts),
    ...fixedTexts,
  ])
  const fit = (text: string, box: TextBox, color: RGB, gapBefore: number) => {
    const { size, lines } = fitText(text, box, typesetter.widthOf)
    return { lines, size, color, gapBefore }
  }

  const header: Block[] = [
    fit(texts.city, line(CONTENT_WIDTH - 32, 14, 9), WHITE, 14),
    fit(TITLE.zh, line(CONTENT_WIDTH - 32, 32, 20), WHITE, 6),
    fit(TITLE.en, line(CONTENT_WIDTH - 32, 16, 10), WHITE, 4),
  ]
  const venue: Block[] = [
    fit(texts.name, textBox(3, 26, 14), BLACK, 18),
    fit(texts.address, textBox(4, 12, 8), DARK_GRAY, 8),
  ]
  const footer: Block[] = [
    ...STEPS.flatMap((step, index) => [
      fit(step.zh, line(CONTENT_WIDTH, 13, 9), DARK_GRAY, index === 0 ? 0 : 8),
      fit(step.en, line(CONTENT_WIDTH, 11, 8), DARK_GRAY, 2),
    ]),
    fit(texts.venueId, line(CONTENT_WIDTH, 8, 6), GRAY, 12),
  ]

  const page = doc.addPage([PAGE_WIDTH, PAGE_HEIGHT])
  const headerHeight = heightOf(header) + 14
  page.drawRectangle({
    x: MARGIN,
    y: PAGE_HEIGHT - MARGIN - headerHeight,
    width: CONTENT_WIDTH,
    height: headerHeight,
    color: GREEN,
  })
  drawBlocks(page, typesetter, header, MARGIN)
  const qrTop = drawBlocks(page, typesetter, venue, MARGIN + headerHeight)
  const footerTop = PAGE_HEIGHT - MARGIN - heightOf(footer)
  drawBlocks(page, typesetter, footer, footerTop)
  drawQrCode(page, matrix, qrTop + 12, footerTop - 12)

  doc.setTitle(`${TITLE.zh} ${texts.name}`)
  doc.setSubject(TITLE.en)
  doc.setCreator('Health Code')
  doc.setLanguage('zh-CN')
  return doc.save()
}

function textBox(maxLines: number, maxSize: number, minSize: number) {
  return { width: CONTENT_WIDTH - 16, maxLines, maxSize, minSize }
}

function line(width: number, maxSize: number, minSize: number): TextBox {
  return { width, maxLines: 1, maxSize, minSize }
}

function heightOf(blocks: Block[]): number {
  let height = 0
  for (const block of blocks) {
    if (block.lines.length === 0) continue
    height += block.gapBefore + blockHeight(block)
  }
  return height
}

function blockHeight(block: Block): number {
  const { size, lines } = block
  return size * (ASCENT + DESCENT) + (lines.length - 1) * size * LINE_SPACING
}

// Draws the blocks downwards from `top` (measured from the top edge of the
// page) and returns where the last one ends.
function drawBlocks(
  page: PDFPage,
  typesetter: Typesetter,
  blocks: Block[],
  top: number,
): number {
  let cursor = top
  for (const block of blocks) {
    if (block.lines.length === 0) continue
    cursor += block.gapBefore
    block.lines.forEach((text, index) => {
      const baseline =
        cursor + block.size * ASCENT + index * block.size * LINE_SPACING
      drawCenteredLine(page, typesetter, text, block, baseline)
    })
    cursor += blockHeight(block)
  }
  return cursor
}

function drawCenteredLine(
  page: PDFPage,
  typesetter: Typesetter,
  text: string,
  block: Block,
  baseline: number,
): void {
  let x = (PAGE_WIDTH - typesetter.widthOf(text, block.size)) / 2
  for (const run of typesetter.runsOf(text)) {
    page.drawText(run.text, {
      x,
      y: PAGE_HEIGHT - baseline,
      size: block.size,
      font: run.font,
      color: block.color,
    })
    x += run.font.widthOfTextAtSize(run.text, block.size)
  }
}

/**
 * Draws the symbol, centered in the space between `top` and `bottom`
 * (measured from the top edge of the page), with a light frame around its
 * quiet zone.
 */
function drawQrCode(
  page: PDFPage,
  matrix: QrMatrix,
  top: number,
  bottom: number,
): void {
  const modulesWithQuietZone = matrix.size + 2 * QUIET_ZONE_MODULES
  const room = Math.min(bottom - top, CONTENT_WIDTH)
  const moduleSize = Math.min(
    QR_MAX_WIDTH / matrix.size,
    room / modulesWithQuietZone,
  )
  if (moduleSize * matrix.size < QR_MIN_WIDTH) {
    throw new Error(
      `QR code would be ${(moduleSize * matrix.size).toFixed(0)} pt wide, ` +
        `below the minimum of ${QR_MIN_WIDTH.toFixed(0)} pt; ` +
        'the poster layout leaves too little room',
    )
  }
  const boxSize = moduleSize * modulesWithQuietZone
  const boxLeft = (PAGE_WIDTH - boxSize) / 2
  const boxTop = top + (bottom - top - boxSize) / 2
  // The frame lies just outside the quiet zone.
  page.drawRectangle({
    x: boxLeft - 1,
    y: PAGE_HEIGHT - boxTop - boxSize - 1,
    width: boxSize + 2,
    height: boxSize + 2,
    borderColor: LIGHT_GRAY,
    borderWidth: 1,
  })
  const quietZone = QUIET_ZONE_MODULES * moduleSize
  page.drawSvgPath(darkModulesPath(matrix), {
    x: boxLeft + quietZone,
    y: PAGE_HEIGHT - boxTop - quietZone,
    scale: moduleSize,
    color: BLACK,
  })
}
