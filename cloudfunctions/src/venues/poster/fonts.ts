import fontkit, { type Font } from '@pdf-lib/fontkit'
import unicodeRanges from '@fontsource/noto-sans-sc/unicode.json'
import { fontFileName, readFontFile } from './font-files'
import { convertWoffToTrueType } from './woff'

/** A subset file of Noto Sans SC, converted for embedding in a PDF. */
export type PosterFont = {
  // The fontsource subset name, such as `chinese-simplified` or `88`.
  subset: string
  trueType: Uint8Array
  font: Font
}

// Tried in this order; the numbered slices come after them. The Chinese
// subset also contains ASCII, so most posters embed only that file.
// NOTE: Noto Sans SC has no emoji and lacks many European letters (Ł, ő,
// ş), so names with them print placeholders.
const NAMED_SUBSETS = [
  'chinese-simplified',
  'latin',
  'latin-ext',
  'cyrillic',
  'vietnamese',
]

/** WHITE SQUARE, drawn in place of a character that no subset contains. */
export const PLACEHOLDER = '\u25a1'

type SliceRange = { first: number; last: number; subset: string }

// Module-level caches: each file is read and parsed at most once per
// Lambda container.
const loadedFonts = new Map<string, PosterFont>()
const fontByCodePoint = new Map<number, PosterFont | null>()
let sliceRanges: SliceRange[] | undefined

function loadFont(subset: string): PosterFont {
  const cached = loadedFonts.get(subset)
  if (cached) return cached
  const trueType = convertWoffToTrueType(readFontFile(fontFileName(subset)))
  const loaded = { subset, trueType, font: fontkit.create(trueType) }
  loadedFonts.set(subset, loaded)
  return loaded
}

/**
 * Finds the subset file that has a glyph for `codePoint`: the named subsets
 * first, then the numbered slices whose CSS `unicode-range` lists the code
 * point. Returns null when none has one.
 */
export function findFont(codePoint: number): PosterFont | null {
  const cached = fontByCodePoint.get(codePoint)
  if (cached !== undefined) return cached
  const found = searchFont(codePoint)
  fontByCodePoint.set(codePoint, found)
  return found
}

function searchFont(codePoint: number): PosterFont | null {
  for (const subset of NAMED_SUBSETS) {
    const loaded = loadFont(subset)
    if (loaded.font.hasGlyphForCodePoint(codePoint)) return loaded
  }
  sliceRanges ??= parseSliceRanges(unicodeRanges)
  for (const range of sliceRanges) {
    if (codePoint < range.first || codePoint > range.last) continue
    const loaded = loadFont(range.subset)
    if (loaded.font.hasGlyphForCodePoint(codePoint)) return loaded
  }
  return null
}

/**
 * Parses the fontsource `unicode.json`, which maps each subset to its CSS
 * `unicode-range` (`U+4e00`, `U+4e01-4e05`, ...). Slices are the keys in
 * brackets, such as `[88]`. Named subsets are skipped here because
 * {@link findFont} searches them first.
 */
export function parseSliceRanges(
  ranges: Record<string, string>,
): SliceRange[] {
  const parsed: SliceRange[] = []
  for (const [key, list] of Object.entries(ranges)) {
    const slice = /^\[(\d+)\]$/.exec(key)
    if (!slice) continue
    for (const item of list.split(',')) {
      const bounds = /^U\+([0-9a-f]+)(?:-([0-9a-f]+))?$/i.exec(item.trim())
      if (!bounds) {
        throw new Error(`Invalid unicode-range item ${item} of slice ${key}`)
      }
      const first = parseInt(bounds[1]!, 16)
      const last = bounds[2] === undefined ? first : parseInt(bounds[2], 16)
      parsed.push({ first, last, subset: slice[1]! })
    }
  }
  return parsed
}
