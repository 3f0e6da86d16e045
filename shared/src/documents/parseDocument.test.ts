import { assert, describe, expect, it } from 'vitest'
import type { DocumentInput } from '../api/schemas'
import countryCodes from './countries.json'
import {
  identityKey,
  parseDocument,
  type ParsedDocument,
} from './parseDocument'

// 15:00 on 10 February 2026 in China.
const TODAY = new Date('2026-02-10T07:00:00Z')

function parse(input: DocumentInput, today = TODAY) {
  return parseDocument(input, today)
}

function numberProblem(type: DocumentInput['type'], number: string) {
  const result = parse({ type, number })
  return result.kind === 'invalid' ? result : null
}

function mainland(number: string, birthDate: string): ParsedDocument {
  return {
    type: 'mainland_id',
    number,
    country: null,
    birthDate,
    upgradedFromLegacy: false,
  }
}

describe('parseDocument for mainland IDs', () => {
  it('accepts a number whose check character is X', () => {
    const number = '11010519491231002X'
    expect(parse({ type: 'mainland_id', number })).toEqual(
      { kind: 'ok', document: mainland('11010519491231002X', '1949-12-31') },
    )
  })

  it('accepts a lower-case x and full-width digits', () => {
    const result = parse({
      type: 'mainland_id',
      number: ' １１０１０５１９４９１２３１００２x ',
    })
    expect(result).toEqual({
      kind: 'ok',
      document: mainland('11010519491231002X', '1949-12-31'),
    })
  })

  it('accepts a Shanghai number with a digit check character', () => {
    const number = '310101199003071230'
    expect(parse({ type: 'mainland_id', number })).toEqual(
      { kind: 'ok', document: mainland('310101199003071230', '1990-03-07') },
    )
  })

  it('rejects a wrong check character', () => {
    expect(numberProblem('mainland_id', '110105194912310020')).toEqual({
      kind: 'invalid',
      field: 'document.number',
      code: 'ID_CHECKSUM_INVALID',
    })
  })

  it.each([
    ['letters only', 'ABCDEFGHIJKLMNO'],
    ['a multiplication sign as check character', '11010519491231002×'],
    ['17 digits', '11010519491231002'],
    ['19 characters', '11010519491231002X1'],
    ['X inside the number', '1101051949123100X2'],
    ['16 digits', '1101054912310021'],
    ['empty input', ''],
  ])('rejects the format of %s', (_label, number) => {
    expect(numberProblem('mainland_id', number)?.code).toBe('ID_FORMAT_INVALID')
  })

  it.each([
    ['unknown province 99', '990101199001010019'],
    ['province 10', '100101199001010013'],
    ['province 16', '160101199001010014'],
    ['prefecture 00', '110005199001010015'],
  ])('rejects the region of %s', (_label, number) => {
    expect(numberProblem('mainland_id', number)?.code).toBe('ID_REGION_INVALID')
  })

  it('accepts province 71 (Taiwan in GB/T 2260)', () => {
    const number = '710101199001010017'
    expect(parse({ type: 'mainland_id', number }).kind).toBe('ok')
  })

  it.each([
    ['29 February of a leap year', '110105200002290013', '2000-02-29'],
    ['29 February 2024', '110105202402290011', '2024-02-29'],
    ['1 January 1900', '11010519000101001X', '1900-01-01'],
    ['today in China', '110105202602100016', '2026-02-10'],
  ])('accepts a birth date on %s', (_label, number, birthDate) => {
    expect(parse({ type: 'mainland_id', number })).toEqual({
      kind: 'ok',
      document: mainland(number, birthDate),
    })
  })

  it.each([
    ['29 February 1900, not a leap year', '110105190002290017'],
    ['29 February 2023', '110105202302290014'],
    ['31 December 1899', '110105189912310015'],
    ['tomorrow in China', '110105202602110011'],
    ['month 13', '110105199013010018'],
    ['day 0', '110105199001000015'],
    ['31 April', '110105199004310019'],
  ])('rejects a birth date on %s', (_label, number) => {
    expect(numberProblem('mainland_id', number)?.code).toBe(
      'ID_BIRTH_DATE_INVALID',
    )
  })

  it('takes today in China, not in UTC', () => {
    // 16:30 UTC on 10 February is 00:30 on 11 February in China.
    const lateUtc = new Date('2026-02-10T16:30:00Z')
    const result = parse(
      { type: 'mainland_id', number: '110105202602110011' },
      lateUtc,
    )
    expect(result.kind).toBe('ok')
  })

  it('checks region before birth date and check character', () => {
    // Bad region, impossible date and wrong check character at once.
    expect(numberProblem('mainland_id', '990101199013320000')?.code).toBe(
      'ID_REGION_INVALID',
    )
  })

  it('checks birth date before the check character', () => {
    expect(numberProblem('mainland_id', '110105199013010010')?.code).toBe(
      'ID_BIRTH_DATE_INVALID',
    )
  })
})

describe('parseDocument for 15-digit mainland IDs', () => {
  it('upgrades to the 18-character number of the same person', () => {
    expect(parse({ type: 'mainland_id', number: '110105491231002' })).toEqual({
      kind: 'ok',
      document: {
        ...mainland('11010519491231002X', '1949-12-31'),
        upgradedFromLegacy: true,
      },
    })
  })

  it('gives the same identity key as the 18-character number', () => {
    const legacy = parse({ type: 'mainland_id', number: '110105491231002' })
    const current = parse({ type: 'mainland_id', number: '11010519491231002X' })
    if (legacy.kind !== 'ok' || current.kind !== 'ok') {
      throw new Error('both numbers should parse')
    }
    expect(identityKey(legacy.document)).toBe(identityKey(current.document))
  })

  it('rejects a region that is not plausible', () => {
    expect(numberProblem('mainland_id', '990101491231002')?.code).toBe(
      'ID_REGION_INVALID',
    )
  })

  it('rejects an impossible birth date', () => {
    expect(numberProblem('mainland_id', '110105490230002')?.code).toBe(
      'ID_BIRTH_DATE_INVALID',
    )
  })

  it('rejects a permit prefix, since permits have 18 characters', () => {
    expect(numberProblem('mainland_id', '810000900101123')?.code).toBe(
      'ID_LEGACY_UNSUPPORTED',
    )
  })
})

describe('parseDocument for residence permits', () => {
  it.each([
    ['Hong Kong', '810000199001011230', '1990-01-01'],
    ['Macau', '820000198510104563', '1985-10-10'],
    ['Taiwan', '830000197805207890', '1978-05-20'],
  ])('accepts a permit for %s residents', (_label, number, birthDate) => {
    expect(parse({ type: 'residence_permit', number })).toEqual({
      kind: 'ok',
      document: {
        type: 'residence_permit',
        number,
        country: null,
        birthDate,
        upgradedFromLegacy: false,
      },
    })
  })

  it('stores a permit entered as a mainland ID as a permit', () => {
    const asId = parse({ type: 'mainland_id', number: '810000199001011230' })
    const asPermit = parse({
      type: 'residence_permit',
      number: '810000199001011230',
    })
    expect(asId).toEqual(asPermit)
    assert(asId.kind === 'ok')
    expect(asId.document.type).toBe('residence_permit')
  })

  it('rejects a mainland ID entered as a permit', () => {
    expect(numberProblem('residence_permit', '11010519491231002X')?.code).toBe(
      'PERMIT_PREFIX_INVALID',
    )
  })

  it('rejects a permit prefix with other digits after 81', () => {
    expect(numberProblem('residence_permit', '810100199001010014')?.code).toBe(
      'PERMIT_PREFIX_INVALID',
    )
  })

  it('rejects a wrong check character', () => {
    expect(numberProblem('residence_permit', '810000199001010020')).toEqual({
      kind: 'invalid',
      field: 'document.number',
      code: 'ID_CHECKSUM_INVALID',
    })
  })

  it('rejects an impossible birth date', () => {
    expect(numberProblem('residence_permit', '81000019900230123X')?.code).toBe(
      'ID_BIRTH_DATE_INVALID',
    )
  })

  it('rejects a 15-digit number', () => {
    expect(numberProblem('residence_permit', '810000900101123')?.code).toBe(
      'ID_FORMAT_INVALID',
    )
  })
})

describe('parseDocument for travel permits', () => {
  it.each(['H12345678', 'M1234567890', 'h 1234 5678'])(
    'accepts the Hong Kong and Macao permit %s',
    (number) => {
      const result = parse({ type: 'hk_macau_permit', number })
      assert(result.kind === 'ok')
      expect(result.document).toEqual({
        type: 'hk_macau_permit',
        number: number.replace(/ /g, '').toUpperCase(),
        country: null,
        birthDate: null,
        upgradedFromLegacy: false,
      })
    },
  )

  it.each(['H1234567', 'H123456789', 'X12345678', '12345678', 'HM1234567'])(
    'rejects the Hong Kong and Macao permit %s',
    (number) => {
      expect(numberProblem('hk_macau_permit', number)?.code).toBe(
        'TRAVEL_PERMIT_INVALID',
      )
    },
  )

  it.each(['12345678', '1234567890'])(
    'accepts the Taiwan permit %s',
    (number) => {
      const result = parse({ type: 'taiwan_permit', number })
      assert(result.kind === 'ok')
      expect(result.document.number).toBe(number)
    },
  )

  it.each(['1234567', '123456789', 'T12345678', '12345678901'])(
    'rejects the Taiwan permit %s',
    (number) => {
      expect(numberProblem('taiwan_permit', number)?.code).toBe(
        'TRAVEL_PERMIT_INVALID',
      )
    },
  )

  it('ignores a country sent with a permit', () => {
    const result = parse({
      type: 'taiwan_permit',
      number: '12345678',
      country: 'TWN',
    })
    assert(result.kind === 'ok')
    expect(result.document.country).toBeNull()
  })
})

describe('parseDocument for passports', () => {
  it('upper-cases the country and drops hyphens from the number', () => {
    expect(
      parse({ type: 'passport', number: 'e12-345 678', country: ' usa ' }),
    ).toEqual({
      kind: 'ok',
      document: {
        type: 'passport',
        number: 'E12345678',
        country: 'USA',
        birthDate: null,
        upgradedFromLegacy: false,
      },
    })
  })

  it('rejects a missing country on document.country', () => {
    expect(parse({ type: 'passport', number: 'E12345678' })).toEqual({
      kind: 'invalid',
      field: 'document.country',
      code: 'PASSPORT_COUNTRY_INVALID',
    })
  })

  it.each(['US', 'XXX', 'UNK', 'D', 'U.S'])(
    'rejects the country %s',
    (country) => {
      const result = parse({ type: 'passport', number: 'E12345678', country })
      assert(result.kind === 'invalid')
      expect(result.code).toBe(
        'PASSPORT_COUNTRY_INVALID',
      )
    },
  )

  it('checks the country before the number', () => {
    const result = parse({ type: 'passport', number: '!', country: 'ZZZ' })
    assert(result.kind === 'invalid')
    expect(result.field).toBe('document.country')
  })

  it.each([
    ['4 characters', 'E123'],
    ['21 characters', 'E12345678901234567890'],
    ['a slash', 'E1234/5678'],
    ['a non-Latin letter', 'Е12345678'],
  ])('rejects a number with %s', (_label, number) => {
    expect(
      parse({ type: 'passport', number, country: 'GBR' }),
    ).toEqual({
      kind: 'invalid',
      field: 'document.number',
      code: 'PASSPORT_NUMBER_INVALID',
    })
  })

  it.each(['12345', 'A1234567890123456789'])(
    'accepts the number %s at the length limits',
    (number) => {
      const result = parse({ type: 'passport', number, country: 'FRA' })
      assert(result.kind === 'ok')
      expect(result.document.number).toBe(number)
    },
  )

  it('skips mainland checks for a Chinese passport', () => {
    const result = parse({
      type: 'passport',
      number: 'E12345678',
      country: 'CHN',
    })
    expect(result.kind).toBe('ok')
  })
})

describe('country list', () => {
  it('holds the 249 current ISO 3166-1 alpha-3 codes', () => {
    expect(countryCodes).toHaveLength(249)
    expect(new Set(countryCodes).size).toBe(249)
    expect(countryCodes.every((code) => /^[A-Z]{3}$/.test(code))).toBe(true)
  })

  it.each(['CHN', 'HKG', 'MAC', 'TWN', 'USA', 'DEU', 'SSD', 'BES', 'ALA'])(
    'contains %s',
    (code) => {
      expect(countryCodes).toContain(code)
    },
  )

  it.each(['ANT', 'SCG', 'YUG', 'UNK', 'XKX', 'EUE'])(
    'omits the non-current code %s',
    (code) => {
      expect(countryCodes).not.toContain(code)
    },
  )
})

describe('identityKey', () => {
  it('joins type, country and number', () => {
    const passport: ParsedDocument = {
      type: 'passport',
      number: 'E12345678',
      country: 'USA',
      birthDate: null,
      upgradedFromLegacy: false,
    }
    expect(identityKey(passport)).toBe('passport|USA|E12345678')
  })

  it('leaves the country empty for other documents', () => {
    expect(identityKey(mainland('11010519491231002X', '1949-12-31'))).toBe(
      'mainland_id||11010519491231002X',
    )
  })

  it('separates equal numbers from different countries', () => {
    const usa = parse({ type: 'passport', number: 'E12345678', country: 'USA' })
    const gbr = parse({ type: 'passport', number: 'E12345678', country: 'GBR' })
    if (usa.kind !== 'ok' || gbr.kind !== 'ok') {
      throw new Error('both passports should parse')
    }
    expect(identityKey(usa.document)).not.toBe(identityKey(gbr.document))
  })
})
