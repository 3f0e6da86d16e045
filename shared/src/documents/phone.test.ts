import { describe, expect, it } from 'vitest'
import { parsePhone } from './phone'

describe('parsePhone', () => {
  it.each([
    ['a bare mainland mobile', '13812345678'],
    ['+86 in front', '+8613812345678'],
    ['86 in front', '8613812345678'],
    ['0086 in front', '008613812345678'],
    ['spaces and hyphens', '+86 138-1234-5678'],
    ['parentheses', '(+86) 138 1234 5678'],
    ['full-width digits', '１３８１２３４５６７８'],
  ])('accepts %s as +86', (_label, raw) => {
    expect(parsePhone(raw)).toEqual({ kind: 'ok', phone: '+8613812345678' })
  })

  it.each([
    ['a US number', '+1 (415) 555-2671', '+14155552671'],
    ['a Hong Kong number', '+852 9123 4567', '+85291234567'],
    ['a UK number', '+44 20 7946 0958', '+442079460958'],
    ['a mainland landline', '+86 10 6552 9988', '+861065529988'],
  ])('accepts %s in E.164', (_label, raw, phone) => {
    expect(parsePhone(raw)).toEqual({ kind: 'ok', phone })
  })

  it.each([
    ['a mainland number starting 12', '12812345678'],
    ['10 digits', '1381234567'],
    ['12 digits without +', '138123456789'],
    ['a foreign number without +', '4155552671'],
    ['+0 as country code', '+0123456789'],
    ['16 digits after +', '+1234567890123456'],
    ['6 digits after +', '+123456'],
    ['letters', '+86 138 CALL ME'],
    ['empty input', ''],
    ['a double plus', '++8613812345678'],
  ])('rejects %s', (_label, raw) => {
    expect(parsePhone(raw)).toEqual({ kind: 'invalid', code: 'PHONE_INVALID' })
  })
})
