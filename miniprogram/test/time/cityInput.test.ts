import { describe, expect, it } from 'vitest'
import { parseCityDate, parseCityDateTime } from '../../src/time/cityInput'

describe('parseCityDate', () => {
  it('reads a calendar date', () => {
    expect(parseCityDate(' 2026-02-10 ')).toEqual({
      kind: 'ok',
      date: '2026-02-10',
    })
  })

  it('reads 29 February of a leap year', () => {
    expect(parseCityDate('2028-02-29').kind).toBe('ok')
  })

  it.each(['2026-02-29', '2026-13-01', '2026-04-31', '2026-00-10'])(
    'rejects the impossible date %s',
    (text) => {
      expect(parseCityDate(text)).toEqual({
        kind: 'invalid',
        code: 'date_invalid',
      })
    },
  )

  it.each(['2026/02/10', '2026-2-10', '10-02-2026', '2026-02-10 08:00'])(
    'rejects the format %s',
    (text) => {
      expect(parseCityDate(text)).toEqual({
        kind: 'invalid',
        code: 'date_invalid',
      })
    },
  )

  it('reports an empty field as required', () => {
    expect(parseCityDate('  ')).toEqual({ kind: 'invalid', code: 'required' })
  })
})

describe('parseCityDateTime', () => {
  it('reads a wall-clock time in Beijing time', () => {
    expect(parseCityDateTime('2026-02-10 14:30')).toEqual({
      kind: 'ok',
      instant: '2026-02-10T14:30:00+08:00',
    })
  })

  it('gives the instant of UTC+8 whatever the device zone', () => {
    const parsed = parseCityDateTime('2026-02-10 00:15')
    if (parsed.kind !== 'ok') throw new Error('expected a time')
    expect(new Date(parsed.instant).toISOString()).toBe(
      '2026-02-09T16:15:00.000Z',
    )
  })

  it('reads a date alone as midnight', () => {
    expect(parseCityDateTime('2026-02-10')).toEqual({
      kind: 'ok',
      instant: '2026-02-10T00:00:00+08:00',
    })
  })

  it('accepts T between date and time', () => {
    expect(parseCityDateTime('2026-02-10T09:05')).toEqual({
      kind: 'ok',
      instant: '2026-02-10T09:05:00+08:00',
    })
  })

  it.each(['2026-02-10 24:00', '2026-02-10 12:60', '2026-02-30 10:00'])(
    'rejects the impossible time %s',
    (text) => {
      expect(parseCityDateTime(text)).toEqual({
        kind: 'invalid',
        code: 'datetime_invalid',
      })
    },
  )

  it.each(['2026-02-10 9:05', '2026-02-10 09:05:00', 'tomorrow'])(
    'rejects the format %s',
    (text) => {
      expect(parseCityDateTime(text)).toEqual({
        kind: 'invalid',
        code: 'datetime_invalid',
      })
    },
  )

  it('reports an empty field as required', () => {
    expect(parseCityDateTime('')).toEqual({
      kind: 'invalid',
      code: 'required',
    })
  })
})
