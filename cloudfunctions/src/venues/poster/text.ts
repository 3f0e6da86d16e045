import type { PDFDocument, PDFFont } from 'pdf-lib'
import { findFont, PLACEHOLDER, type PosterFont } from './fonts'

/** A piece of text drawn in one font. */
export type Run = { text: string; font: PDFFont }

/** The fonts embedded in one PDF, with per-character font choice. */
export type Typesetter = {
  runsOf(text: string): Run[]
  // Width in points; pdf-lib draws with advance widths only, so widths add
  // up along a line.
  widthOf(text: string, size: number): number
}

// Characters with no visible form of their own, which would otherwise
// become placeholders: controls, format characters such as the zero width
// joiner, and variation selectors.
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Variation_Selector}]/gu

const ELLIPSIS = '\u2026'

/**
 * Prepares a text for drawing: NFC (so that an accent and its letter use
 * one glyph), whitespace collapsed to single spaces, invisible characters
 * removed, and each character that no font contains replaced by
 * {@link PLACEHOLDER}.
 */
export function prepareText(text: string): string {
  const cleaned = text
    .normalize('NFC')
    .replace(/\s+/gu, ' ')
    .replace(INVISIBLE, '')
    .trim()
  let prepared = ''
  for (const character of cleaned) {
    const found = findFont(character.codePointAt(0)!)
    prepared += found ? character : PLACEHOLDER
  }
  return prepared
}

/**
 * Embeds, subset, each font file that the prepared `texts` need, and
 * returns a typesetter for those texts.
 */
export async function embedFontsFor(
  doc: PDFDocument,
  texts: string[],
): Promise<Typesetter> {
  const needed = new Map<string, PosterFont>()
  for (const text of [...texts, ELLIPSIS]) {
    for (const character of text) {
      const found = requireFont(character)
      needed.set(found.subset, found)
    }
  }
  const embedded = new Map<string, PDFFont>()
  for (const [subset, found] of needed) {
    embedded.set(
      subset,
      await doc.embedFont(found.trueType, { subset: true }),
    )
  }

  const runsOf = (text: string): Run[] => {
    const runs: Run[] = []
    for (const character of text) {
      const font = embedded.get(requireFont(character).subset)
      if (!font) {
        throw new Error(
          `Font ${requireFont(character).subset} is not embedded; ` +
            'pass every text to embedFontsFor first',
        )
      }
      const last = runs.at(-1)
      if (last && last.font === font) last.text += character
      else runs.push({ text: character, font })
    }
    return runs
  }
  const unitWidths = new Map<string, number>()
  const widthOf = (text: string, size: number): number => {
    let unitWidth = unitWidths.get(text)
    if (unitWidth === undefined) {
      unitWidth = 0
      for (const run of runsOf(text)) {
        unitWidth += run.font.widthOfTextAtSize(run.text, 1)
      }
      unitWidths.set(text, unitWidth)
    }
    return unitWidth * size
  }
  return { runsOf, widthOf }
}

function requireFont(character: string): PosterFont {
  const found = findFont(character.codePointAt(0)!)
  if (!found) {
    throw new Error(
      `No font has U+${character.codePointAt(0)!.toString(16)}; ` +
        'pass the text through prepareText first',
    )
  }
  return found
}

// Ideographs, kana, hangul and full-width forms: a line may break between
// any two of them.
const WIDE =
  '\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}' +
  '\\p{Script=Hangul}\\p{Script=Bopomofo}\\u3000-\\u303f\\uff00-\\uffef' +
  PLACEHOLDER
const TOKEN = new RegExp(`( +)|([${WIDE}])|([^ ${WIDE}]+)`, 'gu')
// Closing punctuation must not start a line, and opening punctuation must
// not end one.
const CLOSING = /^[，。、；：！？）》」』】〕”’…,.;:!?)\]}]/u
const OPENING = /^[（《「『【〔“‘]$/u

/**
 * Splits a text into the units that a line break may not cut: runs of
 * spaces, single wide characters, and words of other scripts. Closing
 * punctuation sticks to the unit before it, opening to the unit after.
 */
export function tokenize(text: string): string[] {
  const tokens: string[] = []
  let openingPending = ''
  for (const match of text.matchAll(TOKEN)) {
    let token = match[0]
    const previous = tokens.at(-1)
    if (OPENING.test(token)) {
      openingPending += token
      continue
    }
    token = openingPending + token
    openingPending = ''
    if (previous && previous.trim() !== '' && CLOSING.test(token)) {
      tokens[tokens.length - 1] = previous + token
    } else {
      tokens.push(token)
    }
  }
  if (openingPending) tokens.push(openingPending)
  return tokens
}

/**
 * Breaks a text into lines no wider than `maxWidth`, greedily, at the
 * boundaries of {@link tokenize}. A token wider than a line is cut between
 * characters.
 */
export function breakLines(
  text: string,
  maxWidth: number,
  widthOf: (text: string) => number,
): string[] {
  const lines: string[] = []
  let line = ''
  let lineWidth = 0
  let spaceBefore = false
  for (const token of tokenize(text)) {
    if (token.trim() === '') {
      spaceBefore = line !== ''
      continue
    }
    const gap = spaceBefore ? widthOf(' ') : 0
    const tokenWidth = widthOf(token)
    spaceBefore = false
    if (line !== '' && lineWidth + gap + tokenWidth <= maxWidth) {
      line += (gap > 0 ? ' ' : '') + token
      lineWidth += gap + tokenWidth
      continue
    }
    if (line !== '') lines.push(line)
    const pieces = cutToWidth(token, maxWidth, widthOf)
    lines.push(...pieces.slice(0, -1))
    line = pieces.at(-1)!
    lineWidth = widthOf(line)
  }
  if (line !== '') lines.push(line)
  return lines
}

function cutToWidth(
  token: string,
  maxWidth: number,
  widthOf: (text: string) => number,
): string[] {
  const pieces: string[] = []
  let piece = ''
  for (const character of token) {
    if (piece !== '' && widthOf(piece + character) > maxWidth) {
      pieces.push(piece)
      piece = ''
    }
    piece += character
  }
  pieces.push(piece)
  return pieces
}

/** Bounds for {@link fitText}; sizes in points. */
export type TextBox = {
  width: number
  maxLines: number
  maxSize: number
  minSize: number
}

/**
 * Chooses the largest size, in steps of one point, at which the text fits
 * the box. Text that does not fit at `minSize` is cut after the last line
 * and ends with an ellipsis.
 */
export function fitText(
  text: string,
  box: TextBox,
  widthOf: (text: string, size: number) => number,
): { size: number; lines: string[] } {
  for (let size = box.maxSize; size >= box.minSize; size -= 1) {
    const lines = breakLines(text, box.width, (part) => widthOf(part, size))
    if (lines.length <= box.maxLines) return { size, lines }
  }
  const size = box.minSize
  const measure = (part: string) => widthOf(part, size)
  const lines = breakLines(text, box.width, measure).slice(0, box.maxLines)
  const characters = [...lines.at(-1)!]
  while (
    characters.length > 0 &&
    measure(characters.join('') + ELLIPSIS) > box.width
  ) {
    characters.pop()
  }
  lines[lines.length - 1] = characters.join('').trimEnd() + ELLIPSIS
  return { size, lines }
}
