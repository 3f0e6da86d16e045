import { describe, expect, it } from 'vitest'
import { addCityDays, cityDate, startOfCityDay } from './cityTime'

const SHANGHAI = 'Asia/Shanghai'
const NEW_YORK = 'America/New_York'

describe('cityDate', () => {
  it('returns the date in China for an instant late in UTC', () => {
    expect(cityDate(new Date('2026-02-10T16:30:00Z'), SHANGHAI)).toBe(
      '2026-02-11',
    )
  })

  it('returns the same day just before midnight in China', () => {
    expect(cityDate(new Date('2026-02-10T15:59:59Z'), SHANGHAI)).toBe(
      '2026-02-10',
    )
  })

  it('returns the date in New York for the same instant', () => {
    expect(cityDate(new Date('2026-02-10T16:30:00Z'), NEW_YORK)).toBe(
      '2026-02-10',
    )
  })

  it('pads years before 1000', () => {
    expect(cityDate(new Date('0900-06-01T12:00:00Z'), 'UTC')).toBe(
      '0900-06-01',
    )
  })
})

describe('startOfCityDay', () => {
  it('returns midnight in China', () => {
    expect(
      startOfCityDay(new Date('2026-02-10T15:00:00+08:00'), SHANGHAI),
    ).toEqual(new Date('2026-02-10T00:00:00+08:00'))
  })

  it('returns the same instant at midnight itself', () => {
    const midnight = new Date('2026-02-10T00:00:00+08:00')
    expect(startOfCityDay(midnight, SHANGHAI)).toEqual(midnight)
  })

  it('returns midnight before the clocks go forward in New York', () => {
    // Clocks went from 02:00 EST to 03:00 EDT on 8 March 2026.
    expect(
      startOfCityDay(new Date('2026-03-08T12:00:00-04:00'), NEW_YORK),
    ).toEqual(new Date('2026-03-08T00:00:00-05:00'))
  })

  it('returns midnight before the clocks go back in New York', () => {
    // Clocks went from 02:00 EDT back to 01:00 EST on 1 November 2026.
    expect(
      startOfCityDay(new Date('2026-11-01T23:00:00-05:00'), NEW_YORK),
    ).toEqual(new Date('2026-11-01T00:00:00-04:00'))
  })

  it('returns the first instant of a day that skips midnight', () => {
    // Santiago moved from 00:00 -04:00 to 01:00 -03:00 on 7 September 2025.
    expect(
      startOfCityDay(new Date('2025-09-07T12:00:00-03:00'), 'America/Santiago'),
    ).toEqual(new Date('2025-09-07T01:00:00-03:00'))
  })
})

describe('addCityDays', () => {
  it('adds calendar days in China', () => {
    expect(
      addCityDays(new Date('2026-02-10T00:00:00+08:00'), 8, SHANGHAI),
    ).toEqual(new Date('2026-02-18T00:00:00+08:00'))
  })

  it('crosses a month end and a leap day', () => {
    expect(
      addCityDays(new Date('2028-02-27T09:30:00+08:00'), 3, SHANGHAI),
    ).toEqual(new Date('2028-03-01T09:30:00+08:00'))
  })

  it('keeps midnight across the spring change in New York', () => {
    const result = addCityDays(
      new Date('2026-03-07T00:00:00-05:00'),
      2,
      NEW_YORK,
    )
    expect(result).toEqual(new Date('2026-03-09T00:00:00-04:00'))
    // Two calendar days are 47 hours here.
    const hours = (result.getTime() - Date.parse('2026-03-07T05:00:00Z')) / 36e5
    expect(hours).toBe(47)
  })

  it('keeps midnight across the autumn change in New York', () => {
    expect(
      addCityDays(new Date('2026-10-31T00:00:00-04:00'), 2, NEW_YORK),
    ).toEqual(new Date('2026-11-02T00:00:00-05:00'))
  })

  it('moves a wall time skipped by the change to just after the gap', () => {
    expect(
      addCityDays(new Date('2026-03-07T02:30:00-05:00'), 1, NEW_YORK),
    ).toEqual(new Date('2026-03-08T03:00:00-04:00'))
  })

  it('subtracts days', () => {
    expect(
      addCityDays(new Date('2026-03-09T00:00:00-04:00'), -2, NEW_YORK),
    ).toEqual(new Date('2026-03-07T00:00:00-05:00'))
  })

  it('keeps milliseconds', () => {
    expect(
      addCityDays(new Date('2026-02-10T12:00:00.250+08:00'), 1, SHANGHAI),
    ).toEqual(new Date('2026-02-11T12:00:00.250+08:00'))
  })

  it('throws for a fractional number of days', () => {
    expect(() =>
      addCityDays(new Date('2026-02-10T00:00:00Z'), 1.5, SHANGHAI),
    ).toThrow('addCityDays needs whole days, got 1.5')
  })

  it('throws for an unknown time zone', () => {
    expect(() =>
      addCityDays(new Date('2026-02-10T00:00:00Z'), 1, 'Mars/Olympus'),
    ).toThrow(RangeError)
  })
})
