import { describe, expect, it } from 'vitest'
import hangzhouSource from '../cities/hangzhou.json'
import { loadCityRules, parseCityRules } from '../cities/loadCityRules'

// A deep copy of Hangzhou's rules as plain JSON, for edits in tests.
function hangzhouCopy(): Record<string, any> {
  return JSON.parse(JSON.stringify(hangzhouSource))
}

function parseError(source: unknown): string {
  try {
    parseCityRules('hangzhou', source)
  } catch (error) {
    return (error as Error).message
  }
  throw new Error('expected parseCityRules to throw')
}

describe('exposure rules', () => {
  it.each(['hangzhou', 'shanghai'])('loads the settings of %s', (id) => {
    expect(loadCityRules(id).exposure).toEqual({
      infectiousDaysBeforeOnset: 4,
      bufferMinutes: 30,
      minOverlapMinutes: { yellow: 1, red: 15 },
      contactColor: { confirmed: 'red', suspected: 'yellow' },
      caseColor: { confirmed: 'red', suspected: 'yellow' },
    })
  })

  it('rejects a red minimum below the yellow one', () => {
    const source = hangzhouCopy()
    source.exposure.minOverlapMinutes = { yellow: 10, red: 5 }
    expect(parseError(source)).toContain(
      'minOverlapMinutes.red must not be below minOverlapMinutes.yellow',
    )
  })

  it('rejects green as a contact color', () => {
    const source = hangzhouCopy()
    source.exposure.contactColor.suspected = 'green'
    expect(parseError(source)).toContain('exposure.contactColor.suspected')
  })

  it('rejects an unknown household setting', () => {
    const source = hangzhouCopy()
    source.households.coResidentsOfCase = 'orange'
    expect(parseError(source)).toContain('households.coResidentsOfCase')
  })

  it('requires the exposure settings', () => {
    const source = hangzhouCopy()
    delete source.exposure
    expect(parseError(source)).toContain('exposure')
  })
})
