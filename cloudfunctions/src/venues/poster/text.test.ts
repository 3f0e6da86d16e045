import { describe, expect, it } from 'vitest'
import { breakLines, fitText, prepareText, tokenize } from './text'
import { STEPS, TITLE } from './texts'

// Every character is one unit wide, so widths are character counts.
const countWidth = (text: string) => [...text].length
const countWidthAt = (text: string, size: number) => countWidth(text) * size

describe('prepareText', () => {
  it('keeps characters that a font contains', () => {
    expect(prepareText('杭州 Café =1+2 <b>x</b> @venue')).toBe(
      '杭州 Café =1+2 <b>x</b> @venue',
    )
  })

  it('collapses whitespace and trims', () => {
    expect(prepareText('  文三路\t\n菜市场\u3000 A  ')).toBe('文三路 菜市场 A')
  })

  it('composes accents with their letters', () => {
    expect(prepareText('Cafe\u0301')).toBe('Caf\u00e9')
  })

  it('removes invisible characters', () => {
    expect(prepareText('菜\u200d市\ufe0f场\u0007')).toBe('菜市场')
  })

  it('replaces characters that no font has', () => {
    expect(prepareText('好\u{1f600}店\u{20000}')).toBe('好\u25a1店\u25a1')
  })

  it('covers the fixed wording of the poster', () => {
    const fixed = [TITLE.zh, TITLE.en, ...STEPS.flatMap((s) => [s.zh, s.en])]
    for (const text of fixed) {
      expect(prepareText(text)).toBe(text)
    }
  })
})

describe('tokenize', () => {
  it('splits ideographs and keeps words whole', () => {
    expect(tokenize('文三 Market Hall')).toEqual([
      '文',
      '三',
      ' ',
      'Market',
      ' ',
      'Hall',
    ])
  })

  it('keeps closing punctuation with the unit before it', () => {
    expect(tokenize('菜市场，二楼。')).toEqual(['菜', '市', '场，', '二', '楼。'])
  })

  it('keeps opening punctuation with the unit after it', () => {
    expect(tokenize('（近路口）')).toEqual(['（近', '路', '口）'])
  })
})

describe('breakLines', () => {
  it('breaks Chinese between any two characters', () => {
    expect(breakLines('杭州市西湖区文三路', 4, countWidth)).toEqual([
      '杭州市西',
      '湖区文三',
      '路',
    ])
  })

  it('breaks Latin text at spaces', () => {
    expect(breakLines('Market Hall of Wensan Road', 12, countWidth)).toEqual([
      'Market Hall',
      'of Wensan',
      'Road',
    ])
  })

  it('cuts a word longer than a line', () => {
    expect(breakLines('abcdefghij', 4, countWidth)).toEqual([
      'abcd',
      'efgh',
      'ij',
    ])
  })

  it('does not start a line with a comma', () => {
    expect(breakLines('菜市场，二楼', 3, countWidth)).toEqual([
      '菜市',
      '场，二',
      '楼',
    ])
  })
})

describe('fitText', () => {
  const box = { width: 100, maxLines: 2, maxSize: 20, minSize: 10 }

  it('uses the largest size for a short text', () => {
    expect(fitText('菜市场', box, countWidthAt)).toEqual({
      size: 20,
      lines: ['菜市场'],
    })
  })

  it('shrinks a text until it fits', () => {
    // Two lines hold 15 characters from 8 per line: 12 points at most.
    const fitted = fitText('文三路菜市场文三路菜市场文三路', box, countWidthAt)

    expect(fitted.size).toBe(12)
    expect(fitted.lines).toEqual(['文三路菜市场文三', '路菜市场文三路'])
  })

  it('ends a text too long for the box with an ellipsis', () => {
    const fitted = fitText('菜'.repeat(30), box, countWidthAt)

    expect(fitted.size).toBe(10)
    expect(fitted.lines).toEqual(['菜'.repeat(10), '菜'.repeat(9) + '\u2026'])
  })
})
