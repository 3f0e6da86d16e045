import { describe, expect, it } from 'vitest'
import { ProblemCode } from '../api/problems'
import { Language } from '../api/schemas'
import { problemText } from './problemText'

const HAN = /\p{Script=Han}/u

describe('problemText', () => {
  it.each(ProblemCode.options)('has both languages for %s', (code) => {
    for (const lang of Language.options) {
      const text = problemText(code, lang)
      expect(text.title.length).toBeGreaterThan(0)
      expect(text.detail.length).toBeGreaterThan(text.title.length)
    }
    expect(problemText(code, 'zh').title).toMatch(HAN)
    expect(problemText(code, 'en').title).not.toMatch(HAN)
    expect(problemText(code, 'en').detail).not.toMatch(HAN)
  })

  it('tells the user to check the card for a wrong check character', () => {
    expect(problemText('ID_CHECKSUM_INVALID', 'en')).toEqual({
      title: 'ID number does not check',
      detail:
        'The last character does not match the rest of the number. ' +
        'Check the number on the card.',
    })
    expect(problemText('ID_CHECKSUM_INVALID', 'zh').detail).toBe(
      '证件号码最后一位与前面的号码不匹配。' + '请核对证件上的号码。',
    )
  })

  it('gives different details for different codes', () => {
    const details = ProblemCode.options.map(
      (code) => problemText(code, 'en').detail,
    )
    expect(new Set(details).size).toBe(details.length)
  })
})
