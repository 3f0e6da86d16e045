import fontkit from '@pdf-lib/fontkit'
import { describe, expect, it } from 'vitest'
import { fontFileName, readFontFile } from './font-files'
import { convertWoffToTrueType } from './woff'

type SfntTable = { checksum: number; offset: number; length: number }

function readDirectory(font: Uint8Array): Map<string, SfntTable> {
  const view = new DataView(font.buffer, font.byteOffset, font.byteLength)
  const tables = new Map<string, SfntTable>()
  for (let index = 0; index < view.getUint16(4); index++) {
    const entry = 12 + index * 16
    const tag = new TextDecoder().decode(font.subarray(entry, entry + 4))
    tables.set(tag, {
      checksum: view.getUint32(entry + 4),
      offset: view.getUint32(entry + 8),
      length: view.getUint32(entry + 12),
    })
  }
  return tables
}

function sumOfWords(bytes: Uint8Array): number {
  const padded = new Uint8Array(Math.ceil(bytes.length / 4) * 4)
  padded.set(bytes)
  const view = new DataView(padded.buffer)
  let sum = 0
  for (let offset = 0; offset < padded.length; offset += 4) {
    sum = (sum + view.getUint32(offset)) >>> 0
  }
  return sum
}

describe('convertWoffToTrueType', () => {
  const woff = readFontFile(fontFileName('latin'))
  const trueType = convertWoffToTrueType(woff)
  const view = new DataView(trueType.buffer)
  const tables = readDirectory(trueType)
  const original = fontkit.create(woff)
  const converted = fontkit.create(trueType)

  it('writes a TrueType font with long loca offsets', () => {
    const head = tables.get('head')!

    expect(view.getUint32(0)).toBe(0x00010000)
    expect(view.getInt16(head.offset + 50)).toBe(1)
  })

  it('starts every glyph on a four-byte boundary', () => {
    const loca = tables.get('loca')!
    const offsets: number[] = []
    for (let position = 0; position < loca.length; position += 4) {
      offsets.push(view.getUint32(loca.offset + position))
    }

    expect(offsets).toHaveLength(original.numGlyphs + 1)
    expect(offsets.filter((offset) => offset % 4 !== 0)).toEqual([])
  })

  it('writes valid table and font checksums', () => {
    for (const [tag, table] of tables) {
      const data = trueType.slice(table.offset, table.offset + table.length)
      // The head checksum is taken with checkSumAdjustment set to zero.
      if (tag === 'head') data.fill(0, 8, 12)
      expect([tag, sumOfWords(data)]).toEqual([tag, table.checksum])
    }
    expect(sumOfWords(trueType)).toBe(0xb1b0afba)
  })

  it('keeps the outlines and advances of every glyph', () => {
    for (let id = 0; id < original.numGlyphs; id++) {
      const before = original.getGlyph(id)
      const after = converted.getGlyph(id)
      expect(after.path.toSVG()).toBe(before.path.toSVG())
      expect(after.advanceWidth).toBe(before.advanceWidth)
    }
  })

  it('rejects a file that is not WOFF 1.0', () => {
    const woff2 = readFontFile(fontFileName('latin') + '2')
    expect(() => convertWoffToTrueType(woff2)).toThrow(
      'Font file is not a WOFF 1.0 file',
    )
  })
})
