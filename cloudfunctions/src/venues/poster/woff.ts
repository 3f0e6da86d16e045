import { inflateSync } from 'node:zlib'

// WOFF 1.0 layout: https://www.w3.org/TR/WOFF/ (header of 44 bytes, then
// one 20-byte directory entry per table).
const WOFF_SIGNATURE = 0x774f4646 // 'wOFF'
const WOFF_HEADER_SIZE = 44
const WOFF_ENTRY_SIZE = 20
const SFNT_HEADER_SIZE = 12
const SFNT_ENTRY_SIZE = 16
const HEAD_CHECKSUM_ADJUSTMENT = 8
const HEAD_INDEX_TO_LOC_FORMAT = 50
const MAXP_NUM_GLYPHS = 4
const CHECKSUM_MAGIC = 0xb1b0afba

type Table = { tag: number; data: Uint8Array }

/**
 * Converts a WOFF 1.0 font to a plain sfnt (TrueType) font, the only kind
 * that pdf-lib can embed.
 *
 * The glyphs are also padded to four bytes, with a long `loca` table. The
 * fontsource files contain glyphs of odd length, and the subsetter of
 * @pdf-lib/fontkit 1.1 writes a short `loca` (offsets halved), so without
 * the padding those glyphs come out blank in the PDF.
 */
export function convertWoffToTrueType(woff: Uint8Array): Uint8Array {
  const view = viewOf(woff)
  if (woff.length < WOFF_HEADER_SIZE || view.getUint32(0) !== WOFF_SIGNATURE) {
    throw new Error('Font file is not a WOFF 1.0 file')
  }
  const flavor = view.getUint32(4)
  const tables = readWoffTables(woff, view.getUint16(12))
  return writeSfnt(flavor, padGlyphs(tables))
}

function viewOf(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
}

function readWoffTables(woff: Uint8Array, count: number): Table[] {
  const view = viewOf(woff)
  const tables: Table[] = []
  for (let index = 0; index < count; index++) {
    const entry = WOFF_HEADER_SIZE + index * WOFF_ENTRY_SIZE
    const tag = view.getUint32(entry)
    const offset = view.getUint32(entry + 4)
    const compressedLength = view.getUint32(entry + 8)
    const length = view.getUint32(entry + 12)
    const stored = woff.subarray(offset, offset + compressedLength)
    const data =
      compressedLength < length ? new Uint8Array(inflateSync(stored)) : stored
    if (data.length !== length) {
      throw new Error(`WOFF table ${tagName(tag)} has the wrong length`)
    }
    tables.push({ tag, data })
  }
  return tables
}

function tagOf(name: string): number {
  return viewOf(new TextEncoder().encode(name)).getUint32(0)
}

function tagName(tag: number): string {
  const bytes = new Uint8Array(4)
  viewOf(bytes).setUint32(0, tag)
  return new TextDecoder().decode(bytes)
}

// Rewrites `glyf` so that every glyph starts on a four-byte boundary and
// `loca` with 32-bit offsets. Fonts without `glyf` (CFF) pass unchanged.
function padGlyphs(tables: Table[]): Table[] {
  const find = (name: string) => tables.find((t) => t.tag === tagOf(name))
  const glyf = find('glyf')
  const loca = find('loca')
  const head = find('head')
  const maxp = find('maxp')
  if (!glyf || !loca || !head || !maxp) return tables

  const glyphCount = viewOf(maxp.data).getUint16(MAXP_NUM_GLYPHS)
  const offsets = readLocaOffsets(loca.data, head.data, glyphCount)
  let paddedSize = 0
  for (let gid = 0; gid < glyphCount; gid++) {
    paddedSize += align4(offsets[gid + 1]! - offsets[gid]!)
  }

  const newGlyf = new Uint8Array(paddedSize)
  const newLoca = new Uint8Array((glyphCount + 1) * 4)
  const locaView = viewOf(newLoca)
  let position = 0
  for (let gid = 0; gid < glyphCount; gid++) {
    locaView.setUint32(gid * 4, position)
    newGlyf.set(glyf.data.subarray(offsets[gid]!, offsets[gid + 1]!), position)
    position += align4(offsets[gid + 1]! - offsets[gid]!)
  }
  locaView.setUint32(glyphCount * 4, position)

  const newHead = new Uint8Array(head.data)
  viewOf(newHead).setInt16(HEAD_INDEX_TO_LOC_FORMAT, 1)
  return tables.map((table) => {
    if (table === glyf) return { tag: table.tag, data: newGlyf }
    if (table === loca) return { tag: table.tag, data: newLoca }
    if (table === head) return { tag: table.tag, data: newHead }
    return table
  })
}

function readLocaOffsets(
  loca: Uint8Array,
  head: Uint8Array,
  glyphCount: number,
): number[] {
  const view = viewOf(loca)
  const long = viewOf(head).getInt16(HEAD_INDEX_TO_LOC_FORMAT) === 1
  const offsets: number[] = []
  for (let index = 0; index <= glyphCount; index++) {
    offsets.push(
      long ? view.getUint32(index * 4) : view.getUint16(index * 2) * 2,
    )
  }
  return offsets
}

function align4(length: number): number {
  return (length + 3) & ~3
}

function writeSfnt(flavor: number, tables: Table[]): Uint8Array {
  const sorted = [...tables].sort((a, b) => a.tag - b.tag)
  const directorySize = SFNT_HEADER_SIZE + SFNT_ENTRY_SIZE * sorted.length
  let size = directorySize
  for (const table of sorted) size += align4(table.data.length)

  const font = new Uint8Array(size)
  const view = viewOf(font)
  // The search fields of the OpenType table directory.
  const log2 = Math.floor(Math.log2(sorted.length))
  const searchRange = 2 ** log2 * SFNT_ENTRY_SIZE
  view.setUint32(0, flavor)
  view.setUint16(4, sorted.length)
  view.setUint16(6, searchRange)
  view.setUint16(8, log2)
  view.setUint16(10, sorted.length * SFNT_ENTRY_SIZE - searchRange)

  let position = directorySize
  let headPosition = -1
  sorted.forEach((table, index) => {
    const entry = SFNT_HEADER_SIZE + index * SFNT_ENTRY_SIZE
    if (table.tag === tagOf('head')) {
      headPosition = position
      font.set(table.data, position)
      view.setUint32(position + HEAD_CHECKSUM_ADJUSTMENT, 0)
    } else {
      font.set(table.data, position)
    }
    const stored = font.subarray(position, position + table.data.length)
    view.setUint32(entry, table.tag)
    view.setUint32(entry + 4, checksum(stored))
    view.setUint32(entry + 8, position)
    view.setUint32(entry + 12, table.data.length)
    position += align4(table.data.length)
  })
  if (headPosition >= 0) {
    const adjustment = (CHECKSUM_MAGIC - checksum(font)) >>> 0
    view.setUint32(headPosition + HEAD_CHECKSUM_ADJUSTMENT, adjustment)
  }
  return font
}

// The OpenType table checksum: the sum of big-endian 32-bit words, with the
// last word padded with zeros.
function checksum(bytes: Uint8Array): number {
  const padded = new Uint8Array(align4(bytes.length))
  padded.set(bytes)
  const view = viewOf(padded)
  let sum = 0
  for (let offset = 0; offset < padded.length; offset += 4) {
    sum = (sum + view.getUint32(offset)) >>> 0
  }
  return sum
}
