import { describe, expect, it } from 'vitest'
import { fieldText } from './fieldText'

describe('fieldText', () => {
  it('labels a document problem with the field in English', () => {
    expect(fieldText('document.number', 'ID_CHECKSUM_INVALID', 'en')).toBe(
      'Document number: The last character does not match the rest of the ' +
        'number. Check the number on the card.',
    )
  })

  it('labels a document problem with the field in Chinese', () => {
    const text = fieldText('document.country', 'PASSPORT_COUNTRY_INVALID', 'zh')
    expect(text).toBe(
      '签发国家：请选择护照签发国家，使用三位字母代码，' +
        '例如 USA 或 GBR。',
    )
  })

  it('names the question of an answer problem', () => {
    expect(fieldText('answers.travel', 'conflicting_options', 'en')).toBe(
      'Question "travel": An option was chosen twice, or "none" was ' +
        'combined with another option. Choose again.',
    )
    expect(fieldText('answers.symptoms', 'missing', 'zh')).toBe(
      '问题“symptoms”：请回答此问题。',
    )
  })

  it('explains a schema issue code', () => {
    expect(fieldText('phone', 'too_big', 'en')).toBe(
      'Phone number: This value is too long.',
    )
  })

  it('falls back to the path and a generic message', () => {
    expect(fieldText('document.extra', 'something_new', 'en')).toBe(
      'document.extra: This value is invalid.',
    )
    expect(fieldText('name', 'toString', 'zh')).toBe('姓名：此项无效。')
  })
})
