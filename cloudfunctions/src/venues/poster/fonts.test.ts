import { describe, expect, it } from 'vitest'
import { findFont, parseSliceRanges, PLACEHOLDER } from './fonts'

function subsetOf(character: string): string | null {
  return findFont(character.codePointAt(0)!)?.subset ?? null
}

describe('findFont', () => {
  it.each([
    ['菜', 'chinese-simplified'],
    ['A', 'chinese-simplified'],
    ['é', 'chinese-simplified'],
    ['ǜ', 'latin-ext'],
    ['Ж', 'cyrillic'],
    ['ạ', 'vietnamese'],
    ['鲃', '23'],
    [PLACEHOLDER, '88'],
  ])('finds %s in the %s file', (character, subset) => {
    expect(subsetOf(character)).toBe(subset)
  })

  it.each([
    ['an emoji', '\u{1f600}'],
    ['a CJK extension B ideograph', '\u{20000}'],
    ['a Polish letter', 'Ł'],
  ])('finds no font for %s', (_, character) => {
    expect(subsetOf(character)).toBeNull()
  })

  it('loads each file once', () => {
    expect(findFont(0x9c83)!.font).toBe(findFont(0x9c86)!.font)
  })
})

describe('parseSliceRanges', () => {
  it('reads single code points and ranges of numbered slices', () => {
    const ranges = parseSliceRanges({
      '[23]': 'U+9c82-9c83, U+9C86',
      latin: 'U+0000-00FF',
    })

    expect(ranges).toEqual([
      { first: 0x9c82, last: 0x9c83, subset: '23' },
      { first: 0x9c86, last: 0x9c86, subset: '23' },
    ])
  })

  it('rejects an item that is not a unicode-range', () => {
    expect(() => parseSliceRanges({ '[1]': 'U+12-' })).toThrow(
      /Invalid unicode-range item U\+12- of slice \[1\]/,
    )
  })
})
