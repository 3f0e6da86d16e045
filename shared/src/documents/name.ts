export type NameResult =
  | { kind: 'ok'; name: string }
  | { kind: 'invalid'; code: 'NAME_INVALID' }

export const MAX_NAME_LENGTH = 100

// Middle dots used between the parts of transliterated names: U+00B7,
// katakana U+30FB, bullet U+2022, hyphenation point U+2027 and half-width
// katakana U+FF65 (NFKC already maps the last to U+30FB).
const MIDDLE_DOTS = /[\u00b7\u30fb\u2022\u2027\uff65]/g
// Right single quotation mark and modifier letter apostrophe.
const APOSTROPHES = /[\u2019\u02bc]/g

// Letters of any script, each with its combining marks, joined by at most
// one space, middle dot, hyphen or apostrophe. Every run of separators is
// followed by a letter, so the name starts and ends with one.
const NAME_PATTERN = /^\p{L}\p{M}*(?:[ \u00b7'-]?\p{L}\p{M}*)*$/u

// Normalises a person's name and checks that it contains only letters and
// the separators names use. Control characters, digits and symbols are
// rejected, which also keeps markup and spreadsheet formulas out.
export function parseName(raw: string): NameResult {
  const name = raw
    .normalize('NFKC')
    .replace(MIDDLE_DOTS, '\u00b7')
    .replace(APOSTROPHES, "'")
    .replace(/ {2,}/g, ' ')
    .replace(/^ | $/g, '')
  const length = [...name].length
  if (length < 1 || length > MAX_NAME_LENGTH || !NAME_PATTERN.test(name)) {
    return { kind: 'invalid', code: 'NAME_INVALID' }
  }
  return { kind: 'ok', name }
}
