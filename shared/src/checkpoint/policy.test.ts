import { describe, expect, it } from 'vitest'
import { loadCityRules } from '../cities/loadCityRules'
import { checkVenuePolicy, guardPolicyOf } from './policy'
import { checkTemperature } from './temperature'
import { verdictOf } from './verdict'

const HANGZHOU = loadCityRules('hangzhou')
const SHANGHAI = loadCityRules('shanghai')

describe('checkVenuePolicy', () => {
  it('returns the city minimum when the venue chooses none', () => {
    expect(checkVenuePolicy(SHANGHAI, 'market', undefined)).toEqual({
      kind: 'ok',
      policy: { temperatureRequired: true, recordDocument: false },
    })
  })

  it('lets a venue take temperatures where the city does not', () => {
    const policy = { temperatureRequired: true, recordDocument: false }
    expect(checkVenuePolicy(HANGZHOU, 'market', policy)).toEqual({
      kind: 'ok',
      policy,
    })
  })

  it('keeps temperatures where the city requires them', () => {
    const policy = { temperatureRequired: false, recordDocument: false }
    expect(checkVenuePolicy(SHANGHAI, 'market', policy)).toEqual({
      kind: 'not_allowed',
      fields: ['policy.temperatureRequired'],
    })
  })

  it('allows recording documents at a hospital only', () => {
    const policy = { temperatureRequired: true, recordDocument: true }
    expect(checkVenuePolicy(HANGZHOU, 'hospital', policy).kind).toBe('ok')
    expect(checkVenuePolicy(HANGZHOU, 'restaurant', policy)).toEqual({
      kind: 'not_allowed',
      fields: ['policy.recordDocument'],
    })
  })
})

describe('guardPolicyOf', () => {
  it('merges the venue policy with the city rules', () => {
    const policy = { temperatureRequired: false, recordDocument: true }
    expect(guardPolicyOf(HANGZHOU, policy)).toEqual({
      temperatureRequired: false,
      recordDocument: true,
      feverCelsius: 37.3,
      denyColors: ['yellow', 'red'],
      clockSkewSeconds: 300,
    })
  })

  it('requires temperatures when the city does', () => {
    const policy = { temperatureRequired: false, recordDocument: false }
    expect(guardPolicyOf(SHANGHAI, policy).temperatureRequired).toBe(true)
  })
})

describe('checkTemperature', () => {
  const rules = { temperatureRequired: true, feverCelsius: 37.3 }

  it('accepts 37.2 degrees', () => {
    expect(checkTemperature(37.2, rules)).toEqual({ kind: 'ok' })
  })

  it('reports 37.3 degrees as a fever', () => {
    expect(checkTemperature(37.3, rules)).toEqual({ kind: 'fever' })
  })

  it('reports a missing required reading', () => {
    expect(checkTemperature(undefined, rules)).toEqual({ kind: 'missing' })
  })

  it('accepts no reading where none is required', () => {
    const optional = { ...rules, temperatureRequired: false }
    expect(checkTemperature(undefined, optional)).toEqual({ kind: 'ok' })
  })
})

describe('verdictOf', () => {
  it('admits ALLOW only', () => {
    expect(verdictOf('ALLOW')).toBe('allow')
    expect(verdictOf('DENY_COLOR')).toBe('deny')
    expect(verdictOf('ALREADY_USED')).toBe('deny')
  })
})
