import { afterEach, describe, expect, it, vi } from 'vitest'
import {
  formatCityClock,
  formatCityDateTime,
} from '../../src/time/cityTime'

// 16:00:30 UTC is 00:00:30 of the next day in Shanghai, while the tests
// run in Los Angeles (see vitest.config.ts).
const INSTANT = '2026-01-27T16:00:30Z'

afterEach(() => {
  vi.unstubAllGlobals()
  vi.resetModules()
})

describe('formatCityDateTime', () => {
  it('writes Chinese dates the Chinese way', () => {
    expect(formatCityDateTime(INSTANT, 'zh')).toBe('2026年1月28日 00:00')
  })

  it('writes English dates in ISO order', () => {
    expect(formatCityDateTime(INSTANT, 'en')).toBe('2026-01-28 00:00')
  })

  it('reads instants with an offset', () => {
    expect(formatCityDateTime('2026-01-28T07:05:00+07:00', 'en')).toBe(
      '2026-01-28 08:05',
    )
  })

  it('uses UTC+8 when Intl has no time zone data', async () => {
    const { DateTimeFormat } = Intl
    function WithoutZones(
      locale: string,
      options?: Intl.DateTimeFormatOptions,
    ): Intl.DateTimeFormat {
      if (options?.timeZone !== undefined) {
        throw new RangeError(`Invalid time zone: ${options.timeZone}`)
      }
      return new DateTimeFormat(locale, options)
    }
    vi.stubGlobal('Intl', { ...Intl, DateTimeFormat: WithoutZones })
    const fresh = await import('../../src/time/cityTime')
    expect(fresh.formatCityDateTime(INSTANT, 'zh')).toBe('2026年1月28日 00:00')
    expect(fresh.formatCityClock(INSTANT)).toBe('00:00:30')
  })
})

describe('formatCityClock', () => {
  it('shows hours, minutes and seconds in the city', () => {
    expect(formatCityClock(INSTANT)).toBe('00:00:30')
  })
})
