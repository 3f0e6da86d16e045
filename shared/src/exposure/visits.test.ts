import { describe, expect, it } from 'vitest'
import { loadCityRules } from '../cities/loadCityRules'
import { overlapMinutes, visitInterval, type Visit } from './visits'

const rules = loadCityRules('hangzhou')

function at(time: string): Date {
  return new Date(`2026-02-10T${time}+08:00`)
}

describe('overlapMinutes', () => {
  const window = [at('14:00:00'), at('15:00:00')] as const

  it.each([
    ['touching before', '13:00:00', '14:00:00', 0],
    ['touching after', '15:00:00', '16:00:00', 0],
    ['fully inside', '14:10:00', '14:20:00', 10],
    ['covering', '13:00:00', '16:00:00', 60],
    ['overlapping the start', '13:30:00', '14:20:00', 20],
    ['overlapping the end', '14:50:00', '15:30:00', 10],
    ['disjoint', '16:00:00', '17:00:00', 0],
    ['identical', '14:00:00', '15:00:00', 60],
    ['shorter than a minute', '14:00:00', '14:00:30', 0.5],
  ])('measures %s', (_name, start, end, minutes) => {
    expect(overlapMinutes(window, [at(start), at(end)])).toBe(minutes)
    expect(overlapMinutes([at(start), at(end)], window)).toBe(minutes)
  })
})

describe('visitInterval', () => {
  function visit(start: string, end: string | null): Visit {
    return {
      residentRef: 'r1',
      venueId: 'v1',
      start: at(start),
      end: end === null ? null : at(end),
    }
  }

  it('runs from check-in to check-out', () => {
    expect(visitInterval(visit('14:00:00', '14:45:00'), rules)).toEqual([
      at('14:00:00'),
      at('14:45:00'),
    ])
  })

  it('lasts the default stay without check-out', () => {
    // Hangzhou's default stay is 120 minutes.
    expect(visitInterval(visit('14:00:00', null), rules)).toEqual([
      at('14:00:00'),
      at('16:00:00'),
    ])
  })

  it('lasts the default stay when check-out precedes check-in', () => {
    expect(visitInterval(visit('14:00:00', '13:00:00'), rules)).toEqual([
      at('14:00:00'),
      at('16:00:00'),
    ])
  })

  it('lasts the default stay when check-out equals check-in', () => {
    expect(visitInterval(visit('14:00:00', '14:00:00'), rules)[1]).toEqual(
      at('16:00:00'),
    )
  })

  it('uses the city default stay', () => {
    // Shanghai's default stay is 60 minutes.
    const shanghai = loadCityRules('shanghai')
    expect(visitInterval(visit('14:00:00', null), shanghai)[1]).toEqual(
      at('15:00:00'),
    )
  })
})
