import { describe, expect, it } from 'vitest'
import { CityRules } from './cityRules'
import hangzhouSource from './hangzhou.json'
import { cityIds, loadCityRules, parseCityRules } from './loadCityRules'

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

describe('cityIds', () => {
  it('lists Hangzhou and Shanghai', () => {
    expect(cityIds).toEqual(['hangzhou', 'shanghai'])
  })
})

describe('loadCityRules', () => {
  it('loads Hangzhou as an open city with 7 and 14 days', () => {
    const rules = loadCityRules('hangzhou')
    expect(rules.id).toBe('hangzhou')
    expect(rules.version).toBe('2026-01-20.1')
    expect(rules.timeZone).toBe('Asia/Shanghai')
    expect(rules.registration.eligibility).toBe('open')
    expect(rules.registration.acceptedDocuments).toEqual([
      'mainland_id',
      'residence_permit',
      'hk_macau_permit',
      'taiwan_permit',
      'passport',
    ])
    expect(rules.colors).toEqual({ yellow: { days: 7 }, red: { days: 14 } })
    expect(rules.codes).toEqual({ personalCodeSeconds: 60, refreshSeconds: 30 })
    expect(rules.session).toEqual({ hours: 12 })
    expect(rules.otp).toEqual({
      seconds: 300,
      maxAttempts: 5,
      resendSeconds: 60,
      maxPerHour: 5,
    })
    expect(rules.retention).toEqual({ checkinDays: 28 })
    expect(rules.checkin).toEqual({
      defaultStayMinutes: 120,
      passSeconds: 60,
      hideColorOnPass: false,
      maxSpeedKmh: 350,
      clockSkewSeconds: 300,
    })
    expect(rules.checkpoint).toEqual({
      temperatureRequired: false,
      feverCelsius: 37.3,
      denyColors: ['yellow', 'red'],
      recordDocumentVenueTypes: [
        'hospital',
        'train_station',
        'residential_compound',
      ],
    })
    expect(rules.venueCodes).toEqual({ rotationGraceHours: 24 })
  })

  it('loads Shanghai with temperatures and hidden pass colors', () => {
    const rules = loadCityRules('shanghai')
    expect(rules.checkpoint.temperatureRequired).toBe(true)
    expect(rules.checkin.hideColorOnPass).toBe(true)
    expect(rules.checkin.defaultStayMinutes).toBe(60)
  })

  it('loads the Hangzhou questionnaire', () => {
    const questions = loadCityRules('hangzhou').questionnaire.questions
    expect(questions.map((question) => [question.id, question.kind])).toEqual([
      ['symptoms', 'boolean'],
      ['travel', 'multiple'],
      ['contact', 'single'],
    ])
  })

  it('loads Shanghai as residents only with prefix 31', () => {
    const registration = loadCityRules('shanghai').registration
    expect(registration.eligibility).toBe('residents_only')
    expect(registration.residentRegionPrefixes).toEqual(['31'])
    expect(registration.ineligibleReason?.en).toContain('starts with 31')
  })

  it('throws an error naming an unknown city', () => {
    expect(() => loadCityRules('beijing')).toThrow(
      'Unknown city "beijing": expected one of hangzhou, shanghai',
    )
  })

  it('does not treat Object prototype names as cities', () => {
    expect(() => loadCityRules('toString')).toThrow('Unknown city "toString"')
  })

  it('returns the same object on every call', () => {
    expect(loadCityRules('shanghai')).toBe(loadCityRules('shanghai'))
  })
})

describe('parseCityRules', () => {
  it('accepts every shipped file', () => {
    for (const id of cityIds) {
      expect(CityRules.safeParse(loadCityRules(id)).success).toBe(true)
    }
  })

  it('names the city and the path of an invalid field', () => {
    const source = hangzhouCopy()
    source.colors.yellow.days = 0
    const message = parseError(source)
    expect(message).toContain('Invalid rules for city "hangzhou"')
    expect(message).toContain('colors.yellow.days')
  })

  it('rejects an unknown field', () => {
    const source = hangzhouCopy()
    source.extra = true
    expect(parseError(source)).toContain('extra')
  })

  it('rejects a file whose id differs from its name', () => {
    const source = hangzhouCopy()
    source.id = 'shanghai'
    expect(parseError(source)).toContain(
      'the file declares id "shanghai"',
    )
  })

  it('rejects an unknown time zone', () => {
    const source = hangzhouCopy()
    source.timeZone = 'Asia/Hangzhou'
    expect(parseError(source)).toContain('unknown IANA time zone')
  })

  it('rejects a repeated question id', () => {
    const source = hangzhouCopy()
    source.questionnaire.questions.push(source.questionnaire.questions[0])
    expect(parseError(source)).toContain('question ids must be unique')
  })

  it('rejects a repeated option value', () => {
    const source = hangzhouCopy()
    const options = source.questionnaire.questions[1].options
    options.push(options[0])
    expect(parseError(source)).toContain('option values must be unique')
  })

  it('rejects a risk on the none option', () => {
    const source = hangzhouCopy()
    const options = source.questionnaire.questions[1].options
    options[options.length - 1].risk = options[0].risk
    expect(parseError(source)).toContain('cannot carry a risk')
  })

  it('rejects options on a boolean question', () => {
    const source = hangzhouCopy()
    source.questionnaire.questions[0].options = []
    expect(parseError(source)).toContain('options')
  })

  it('rejects residents_only without region prefixes', () => {
    const source = hangzhouCopy()
    source.registration.eligibility = 'residents_only'
    source.registration.ineligibleReason = {
      zh: '仅限居民',
      en: 'Residents only',
    }
    expect(parseError(source)).toContain('residents_only needs')
  })

  it('rejects a version that is not date.sequence', () => {
    const source = hangzhouCopy()
    source.version = 'v1'
    expect(parseError(source)).toContain('version')
  })

  it('defaults the pass lifetime to 60 seconds', () => {
    const source = hangzhouCopy()
    delete source.checkin.passSeconds
    expect(parseCityRules('hangzhou', source).checkin.passSeconds).toBe(60)
  })

  it('rejects green among the denied colors', () => {
    const source = hangzhouCopy()
    source.checkpoint.denyColors = ['green', 'red']
    expect(parseError(source)).toContain('denyColors must not contain green')
  })

  it('rejects an unknown venue type for document records', () => {
    const source = hangzhouCopy()
    source.checkpoint.recordDocumentVenueTypes = ['casino']
    expect(parseError(source)).toContain('recordDocumentVenueTypes')
  })

  it('rejects a negative rotation grace period', () => {
    const source = hangzhouCopy()
    source.venueCodes.rotationGraceHours = -1
    expect(parseError(source)).toContain('venueCodes.rotationGraceHours')
  })

  it('rejects a refresh interval as long as the code lifetime', () => {
    const source = hangzhouCopy()
    source.codes.refreshSeconds = 60
    expect(parseError(source)).toContain('refreshSeconds must be shorter')
  })
})
