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

  it('gives an answer problem without a label', () => {
    expect(fieldText('answers.travel', 'conflicting_options', 'en')).toBe(
      'An option was chosen twice, or "none" was ' +
        'combined with another option. Choose again.',
    )
    expect(fieldText('answers.symptoms', 'missing', 'zh')).toBe(
      '请回答此问题。',
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

describe('fieldText with schema limits', () => {
  it('names the maximum of a number', () => {
    const text = fieldText('temperature', 'too_big', 'en', {
      origin: 'number',
      maximum: 45,
    })
    expect(text).toContain('at most 45.')
  })

  it('names the maximum length of a string in Chinese', () => {
    const text = fieldText('name', 'too_big', 'zh', {
      origin: 'string',
      maximum: 100,
    })
    expect(text).toContain('最多 100 个字符')
  })

  it('names the minimum of a number', () => {
    const text = fieldText('location.lat', 'too_small', 'en', {
      origin: 'number',
      minimum: -90,
    })
    expect(text).toContain('at least -90.')
  })

  it('lists the allowed values', () => {
    const text = fieldText('type', 'invalid_value', 'en', {
      values: 'market, bank',
    })
    expect(text).toContain('one of: market, bank.')
  })

  it('falls back to the general text without params', () => {
    expect(fieldText('name', 'too_big', 'en')).toContain('too long')
  })
})
