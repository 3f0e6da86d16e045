import { execFile } from 'node:child_process'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import fontkit from '@pdf-lib/fontkit'
import jsQR from 'jsqr'
import {
  decodePDFRawStream,
  PDFDict,
  PDFDocument,
  PDFName,
  PDFRawStream,
} from 'pdf-lib'
import { PNG } from 'pngjs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { renderPosterPdf, renderPosterPng, type PosterPdfInput } from './index'

const run = promisify(execFile)

// Rendering resolution of the tests; 9 cm is 354 pixels at 100 dpi.
const DPI = 100
const NINE_CM_IN_PIXELS = (9 / 2.54) * DPI

const QR_TEXT = 'HCV1.hangzhou.v_8f3k2m9q.1.dGVzdHNpZ25hdHVyZQ'

const BASE_INPUT: PosterPdfInput = {
  qrText: QR_TEXT,
  venueName: '杭州市西湖区文三路菜市场',
  venueAddress: '浙江省杭州市西湖区文三路 259 号',
  cityName: { zh: '杭州', en: 'Hangzhou' },
  venueId: 'v_8f3k2m9q',
}

let workDir = ''
let fileCount = 0

beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'poster-test-'))
})

afterAll(async () => {
  await rm(workDir, { recursive: true, force: true })
})

async function savePdf(pdf: Uint8Array): Promise<string> {
  fileCount += 1
  const path = join(workDir, `poster-${fileCount}.pdf`)
  await writeFile(path, pdf)
  return path
}

// Renders the only page with poppler's pdftoppm and returns the PNG path.
async function rasterize(pdf: Uint8Array): Promise<string> {
  const pdfPath = await savePdf(pdf)
  const prefix = pdfPath.replace(/\.pdf$/, '')
  const args = ['-r', String(DPI), '-png', '-singlefile', pdfPath, prefix]
  await run('pdftoppm', args)
  return `${prefix}.png`
}

async function decodeWithZbar(pngPath: string): Promise<string> {
  const { stdout } = await run('zbarimg', ['--quiet', '--raw', pngPath])
  return stdout.replace(/\n$/, '')
}

type JsqrResult = { text: string; widthInPixels: number }

function decodeWithJsqr(png: Buffer): JsqrResult | null {
  const image = PNG.sync.read(png)
  const pixels = new Uint8ClampedArray(image.data)
  const found = jsQR(pixels, image.width, image.height)
  if (!found) return null
  const { topLeftCorner, topRightCorner } = found.location
  return {
    text: found.data,
    widthInPixels: Math.hypot(
      topRightCorner.x - topLeftCorner.x,
      topRightCorner.y - topLeftCorner.y,
    ),
  }
}

async function extractText(pdf: Uint8Array): Promise<string> {
  const { stdout } = await run('pdftotext', [await savePdf(pdf), '-'])
  return stdout
}

async function listFonts(pdf: Uint8Array): Promise<string[]> {
  const { stdout } = await run('pdffonts', [await savePdf(pdf)])
  return stdout.split('\n').slice(2).filter((line) => line.trim() !== '')
}

// Parses each TrueType font program that the PDF embeds.
async function embeddedFonts(pdf: Uint8Array) {
  const doc = await PDFDocument.load(pdf)
  const fonts = []
  for (const [, object] of doc.context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFDict)) continue
    const file = object.lookup(PDFName.of('FontFile2'))
    if (!(file instanceof PDFRawStream)) continue
    fonts.push(fontkit.create(decodePDFRawStream(file).decode()))
  }
  return fonts
}

function withoutWhitespace(text: string): string {
  return text.replace(/\s+/g, '')
}

describe('renderPosterPdf', () => {
  it('encodes qrText for zbarimg and jsQR', async () => {
    const pngPath = await rasterize(await renderPosterPdf(BASE_INPUT))

    expect(await decodeWithZbar(pngPath)).toBe(QR_TEXT)
    expect(decodeWithJsqr(await readFile(pngPath))?.text).toBe(QR_TEXT)
  })

  it('encodes the same text on every call', async () => {
    const first = await rasterize(await renderPosterPdf(BASE_INPUT))
    const second = await rasterize(await renderPosterPdf(BASE_INPUT))

    expect(await decodeWithZbar(first)).toBe(QR_TEXT)
    expect(await decodeWithZbar(second)).toBe(QR_TEXT)
  })

  it('draws one A4 portrait page', async () => {
    const { stdout } = await run('pdfinfo', [
      await savePdf(await renderPosterPdf(BASE_INPUT)),
    ])

    expect(stdout).toMatch(/^Pages: +1$/m)
    expect(stdout).toMatch(/^Page size: +595\.28 x 841\.89 pts \(A4\)$/m)
  })

  it('draws the QR code as vectors, not an image', async () => {
    const { stdout } = await run('pdfimages', [
      '-list',
      await savePdf(await renderPosterPdf(BASE_INPUT)),
    ])
    const imageRows = stdout.split('\n').slice(2).filter((l) => l.trim())

    expect(imageRows).toEqual([])
  })

  it.each([
    ['the shortest text', 'A'],
    ['a typical text', QR_TEXT],
    ['the longest text', 'x'.repeat(400)],
  ])('keeps the QR code 9 cm wide for %s', async (_, qrText) => {
    const input = {
      ...BASE_INPUT,
      qrText,
      venueName: 'Long venue name '.repeat(6).slice(0, 100),
      venueAddress: '很长的地址'.repeat(40),
    }
    const pngPath = await rasterize(await renderPosterPdf(input))
    const decoded = decodeWithJsqr(await readFile(pngPath))

    expect(decoded?.text).toBe(qrText)
    expect(decoded?.widthInPixels).toBeGreaterThanOrEqual(NINE_CM_IN_PIXELS)
  })

  it('draws the title, address, instructions and venue id', async () => {
    const pdf = await renderPosterPdf(BASE_INPUT)
    const text = withoutWhitespace(await extractText(pdf))

    expect(text).toContain('杭州Hangzhou')
    expect(text).toContain('健康码场所码')
    expect(text).toContain('Venuecheck-incode')
    expect(text).toContain('浙江省杭州市西湖区文三路259号')
    expect(text).toContain('打开微信或支付宝')
    expect(text).toContain('OpenWeChatorAlipay')
    expect(text).toContain('出示手机上的通行页面')
    expect(text).toContain('totheguardatthedoor')
    expect(text).toContain('VenueID:v_8f3k2m9q')
  })

  it.each([
    ['a Chinese name', '杭州市西湖区文三路菜市场'],
    ['a rare character', '鲃鱼馆'],
    ['Latin accents', 'Café Müller Ñandú'],
    ['pinyin tones', 'Xīhú Lǜdì Cānguǎn'],
    ['Cyrillic', 'Кафе Москва'],
    ['a formula', '=1+2'],
    ['a leading minus', '-cmd'],
    ['a mention', '@venue'],
    ['HTML', '<b>x</b>'],
    ['a script tag', '<script>alert(1)</script>'],
    ['100 Chinese characters', '文三路菜市场'.repeat(17).slice(0, 100)],
    ['100 Latin characters', 'Market Hall '.repeat(9).slice(0, 100)],
  ])('draws %s as literal text', async (_, venueName) => {
    const pdf = await renderPosterPdf({ ...BASE_INPUT, venueName })
    const text = withoutWhitespace(await extractText(pdf))

    expect(text).toContain(withoutWhitespace(venueName))
    expect(text).not.toContain('\u2026')
    expect(text).not.toContain('\u25a1')
    expect(await decodeWithZbar(await rasterize(pdf))).toBe(QR_TEXT)
  })

  it('embeds a slice font only for characters that need it', async () => {
    const common = await listFonts(await renderPosterPdf(BASE_INPUT))
    const rare = await listFonts(
      await renderPosterPdf({ ...BASE_INPUT, venueName: '鲃鱼馆' }),
    )

    expect(common).toHaveLength(1)
    expect(rare).toHaveLength(2)
  })

  it('embeds an outline for every drawn glyph', async () => {
    const fonts = await embeddedFonts(await renderPosterPdf(BASE_INPUT))
    const glyphs = fonts[0]!.numGlyphs
    const empty: number[] = []
    // Glyph 0 is .notdef; the only other glyph without contours is the
    // space.
    for (let id = 1; id < glyphs; id++) {
      if (fonts[0]!.getGlyph(id).path.toSVG() === '') empty.push(id)
    }

    expect(fonts).toHaveLength(1)
    expect(glyphs).toBeGreaterThan(60)
    expect(empty.length).toBeLessThanOrEqual(1)
  })

  it('subsets the embedded fonts', async () => {
    const pdf = await renderPosterPdf(BASE_INPUT)

    // The Chinese subset file alone is 1.5 MB.
    expect(pdf.length).toBeLessThan(60_000)
  })

  it('draws a placeholder for a character no font has', async () => {
    // U+1F600 (an emoji) and U+20000 (CJK extension B) are not in Noto
    // Sans SC.
    const venueName = '好\u{1f600}店\u{20000}'
    const pdf = await renderPosterPdf({ ...BASE_INPUT, venueName })
    const text = withoutWhitespace(await extractText(pdf))

    expect(text).toContain('好\u25a1店\u25a1')
  })

  it('ends a name too long for three lines with an ellipsis', async () => {
    const venueName = '文三路菜市场'.repeat(40)
    const pdf = await renderPosterPdf({ ...BASE_INPUT, venueName })
    const text = withoutWhitespace(await extractText(pdf))

    expect(text).toContain('文三路菜市场文三路菜市场')
    expect(text).toContain('\u2026')
    expect(text).not.toContain(venueName)
  })

  it.each([
    ['Chinese', '场所'],
    ['a line feed', 'HCV1\n'],
    ['an accented letter', 'café'],
    ['a NUL', 'a\u0000b'],
    ['an empty text', ''],
    ['401 characters', 'x'.repeat(401)],
  ])('rejects a qrText with %s', async (_, qrText) => {
    await expect(renderPosterPdf({ ...BASE_INPUT, qrText })).rejects.toThrow(
      /Invalid QR code text/,
    )
  })
})

describe('renderPosterPng', () => {
  it('encodes qrText for zbarimg and jsQR', async () => {
    const png = await renderPosterPng({ qrText: QR_TEXT, venueName: '菜市场' })
    const path = join(workDir, 'code.png')
    await writeFile(path, png)

    expect(await decodeWithZbar(path)).toBe(QR_TEXT)
    expect(decodeWithJsqr(Buffer.from(png))?.text).toBe(QR_TEXT)
  })

  it('is at least 600 pixels wide with a quiet zone', async () => {
    const png = await renderPosterPng({ qrText: 'A', venueName: '菜市场' })
    const image = PNG.sync.read(Buffer.from(png))
    // Version 1 has 21 modules and 4 more on each side.
    const moduleSize = image.width / 29

    expect(image.width).toBeGreaterThanOrEqual(600)
    expect(image.height).toBe(image.width)
    expect(Number.isInteger(moduleSize)).toBe(true)
    for (let offset = 0; offset < 4 * moduleSize; offset++) {
      const pixel = (offset * image.width + offset) * 4
      expect(image.data[pixel]).toBe(255)
    }
    const firstDark = (4 * moduleSize * image.width + 4 * moduleSize) * 4
    expect(image.data[firstDark]).toBe(0)
  })

  it('rejects a qrText that is not ASCII', async () => {
    await expect(
      renderPosterPng({ qrText: '场所码', venueName: '菜市场' }),
    ).rejects.toThrow(/Invalid QR code text/)
  })
})
