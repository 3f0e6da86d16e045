import { describe, expect, it } from 'vitest'
import type { ParsedDocument } from '../documents/parseDocument'
import type { CityRules } from './cityRules'
import { checkEligibility } from './eligibility'
import { loadCityRules } from './loadCityRules'

const hangzhou = loadCityRules('hangzhou')
const shanghai = loadCityRules('shanghai')

function document(
  type: ParsedDocument['type'],
  number: string,
  country: string | null = null,
): ParsedDocument {
  return { type, number, country, birthDate: null, upgradedFromLegacy: false }
}

const SHANGHAI_ID = document('mainland_id', '310101199003071230')
const BEIJING_ID = document('mainland_id', '11010519491231002X')
const PASSPORT = document('passport', 'E12345678', 'USA')
const HK_PERMIT = document('residence_permit', '810000199001011230')

describe('checkEligibility in an open city', () => {
  it.each([
    ['a Beijing ID', BEIJING_ID],
    ['a foreign passport', PASSPORT],
    ['a residence permit', HK_PERMIT],
  ])('admits %s', (_label, doc) => {
    expect(checkEligibility(hangzhou, doc)).toEqual({ kind: 'eligible' })
  })

  it('turns away a document type the city does not accept', () => {
    const passportless: CityRules = {
      ...hangzhou,
      registration: {
        ...hangzhou.registration,
        acceptedDocuments: ['mainland_id'],
      },
    }
    expect(checkEligibility(passportless, PASSPORT)).toEqual({
      kind: 'document_not_accepted',
    })
  })
})

describe('checkEligibility in a residents-only city', () => {
  it('admits an ID issued in Shanghai', () => {
    expect(checkEligibility(shanghai, SHANGHAI_ID)).toEqual({
      kind: 'eligible',
    })
  })

  it.each([
    ['a Beijing ID', BEIJING_ID],
    ['a foreign passport', PASSPORT],
    ['a residence permit', HK_PERMIT],
    ['a travel permit starting with 31', document('taiwan_permit', '31234567')],
  ])('turns away %s with the reason', (_label, doc) => {
    expect(checkEligibility(shanghai, doc)).toEqual({
      kind: 'ineligible',
      reason: shanghai.registration.ineligibleReason,
    })
  })
})
