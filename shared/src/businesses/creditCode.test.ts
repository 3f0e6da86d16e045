import { describe, expect, it } from 'vitest'
import { creditCodeCheckCharacter, parseCreditCode } from './creditCode'

// Codes printed on real business licences.
const VALID = ['91350100M000100Y43', '91110108551385082Q']

describe('creditCodeCheckCharacter', () => {
  it('computes the check character of known codes', () => {
    expect(creditCodeCheckCharacter('91350100M000100Y4')).toBe('3')
    expect(creditCodeCheckCharacter('91110108551385082')).toBe('Q')
  })

  it('maps a remainder of 31 to 0', () => {
    // 17 zeros sum to 0, and (31 - 0) mod 31 is 0.
    expect(creditCodeCheckCharacter('0'.repeat(17))).toBe('0')
  })

  it('throws for a character outside the alphabet', () => {
    expect(() => creditCodeCheckCharacter('9135010OM000100Y4')).toThrow(
      'Not a credit code character at position 8',
    )
  })
})

describe('parseCreditCode', () => {
  it.each(VALID)('accepts %s', (code) => {
    expect(parseCreditCode(code)).toEqual({ kind: 'ok', creditCode: code })
  })

  it('normalizes lower case, spaces and full-width characters', () => {
    expect(parseCreditCode(' 9111 0108 5513 8508 2q ')).toEqual({
      kind: 'ok',
      creditCode: '91110108551385082Q',
    })
    expect(parseCreditCode('９１１１０１０８５５１３８５０８２Ｑ')).toEqual({
      kind: 'ok',
      creditCode: '91110108551385082Q',
    })
  })

  it('rejects a wrong check character', () => {
    expect(parseCreditCode('91110108551385082R')).toEqual({
      kind: 'invalid',
      code: 'CREDIT_CODE_CHECKSUM_INVALID',
    })
  })

  it('rejects two swapped characters', () => {
    expect(parseCreditCode('91110108553185082Q')).toEqual({
      kind: 'invalid',
      code: 'CREDIT_CODE_CHECKSUM_INVALID',
    })
  })

  it.each([
    ['17 characters', '9111010855138508Q'],
    ['19 characters', '91110108551385082QQ'],
    ['the letter O', '9111010855138508OQ'],
    ['the letter I', '9111010855138508IQ'],
    ['the letter Z', '91110108551385082Z'],
    ['a mainland ID number', '33010619900307123X'.slice(0, 17) + 'S'],
    ['an empty string', ''],
  ])('rejects %s as a format error', (_label, code) => {
    expect(parseCreditCode(code)).toEqual({
      kind: 'invalid',
      code: 'CREDIT_CODE_FORMAT_INVALID',
    })
  })
})
