import { describe, expect, it } from 'vitest'
import type { RiskColor } from '../cities/cityRules'
import { loadCityRules } from '../cities/loadCityRules'
import { matchExposures, type Exposure } from './match'
import { syntheticData } from './syntheticVisits'
import { overlapMinutes, visitInterval, type Visit } from './visits'
import { windowsFromCase, type CaseInfo, type RiskWindow } from './windows'

const rules = loadCityRules('hangzhou')

function at(time: string): Date {
  return new Date(`2026-02-10T${time}:00+08:00`)
}

function visit(
  residentRef: string,
  start: string,
  end: string | null,
  venueId = 'market',
): Visit {
  return {
    residentRef,
    venueId,
    start: at(start),
    end: end === null ? null : at(end),
  }
}

const CASE: CaseInfo = {
  kind: 'confirmed',
  onset: new Date('2026-02-11T09:00:00+08:00'),
  caseRef: 'case-1',
  residentRef: 'patient',
}
const NOW = new Date('2026-02-12T12:00:00+08:00')

// The case was at the market from 14:00 to 14:30, so the window with the
// 30-minute buffer runs from 14:00 to 15:00.
const CASE_WINDOWS = windowsFromCase(
  [visit('patient', '14:00', '14:30')],
  CASE,
  rules,
  NOW,
)

describe('matchExposures', () => {
  it.each([
    ['touching the window start', '13:00', '14:00', 0, null],
    ['touching the window end', '15:00', '16:00', 0, null],
    ['inside the window', '14:10', '14:20', 10, 'yellow'],
    ['covering the window', '13:00', '16:00', 60, 'red'],
    ['overlapping its start', '13:30', '14:20', 20, 'red'],
    ['overlapping its end', '14:50', '15:30', 10, 'yellow'],
    ['in the buffer after the case left', '14:35', '14:55', 20, 'red'],
    ['exactly the red minimum', '14:00', '14:15', 15, 'red'],
    ['just under the red minimum', '14:00', '14:14', 14, 'yellow'],
    ['without check-out, default stay', '12:30', null, 30, 'red'],
    ['without check-out, near the end', '14:50', null, 10, 'yellow'],
  ] as const)(
    'rates a visit %s',
    (_name, start, end, minutes, color: RiskColor | null) => {
      const contact = visit('contact', start, end)
      const window = CASE_WINDOWS[0] as RiskWindow
      const interval = visitInterval(contact, rules)
      expect(overlapMinutes([window.start, window.end], interval)).toBe(
        minutes,
      )
      const exposures = matchExposures(CASE_WINDOWS, [contact], rules)
      expect(exposures.map((exposure) => exposure.color)).toEqual(
        color === null ? [] : [color],
      )
      expect(exposures.map((exposure) => exposure.overlapMinutes)).toEqual(
        color === null ? [] : [minutes],
      )
    },
  )

  it('ignores an overlap under one minute', () => {
    const contact: Visit = {
      residentRef: 'contact',
      venueId: 'market',
      start: new Date('2026-02-10T14:59:01+08:00'),
      end: new Date('2026-02-10T15:10:00+08:00'),
    }
    expect(matchExposures(CASE_WINDOWS, [contact], rules)).toEqual([])
  })

  it('reports the overlap and the window', () => {
    const contact = visit('contact', '14:20', '15:30')
    expect(matchExposures(CASE_WINDOWS, [contact], rules)).toEqual([
      {
        residentRef: 'contact',
        venueId: 'market',
        window: CASE_WINDOWS[0],
        overlapMinutes: 40,
        color: 'red',
        start: at('14:20'),
        end: at('15:00'),
      },
    ])
  })

  it('leaves out the case at its own window', () => {
    const again = visit('patient', '14:10', '14:40')
    expect(matchExposures(CASE_WINDOWS, [again], rules)).toEqual([])
  })

  it('leaves out visits to other venues', () => {
    const elsewhere = visit('contact', '14:00', '15:00', 'bank')
    expect(matchExposures(CASE_WINDOWS, [elsewhere], rules)).toEqual([])
  })

  it('caps a yellow venue window at yellow', () => {
    const window: RiskWindow = {
      venueId: 'market',
      start: at('14:00'),
      end: at('16:00'),
      level: 'yellow',
      source: { kind: 'venue', riskRef: 'risk-1' },
    }
    const contact = visit('contact', '14:00', '16:00')
    const [exposure] = matchExposures([window], [contact], rules)
    expect(exposure?.color).toBe('yellow')
    expect(exposure?.overlapMinutes).toBe(120)
  })

  it('matches a visit across midnight', () => {
    const night = windowsFromCase(
      [
        {
          residentRef: 'patient',
          venueId: 'bar',
          start: new Date('2026-02-10T23:40:00+08:00'),
          end: new Date('2026-02-11T00:10:00+08:00'),
        },
      ],
      CASE,
      rules,
      NOW,
    )
    const contact: Visit = {
      residentRef: 'contact',
      venueId: 'bar',
      start: new Date('2026-02-10T23:50:00+08:00'),
      end: new Date('2026-02-11T01:00:00+08:00'),
    }
    const [exposure] = matchExposures(night, [contact], rules)
    expect(exposure?.overlapMinutes).toBe(50)
    expect(exposure?.start).toEqual(new Date('2026-02-10T23:50:00+08:00'))
    expect(exposure?.end).toEqual(new Date('2026-02-11T00:40:00+08:00'))
  })

  it('returns the same order for shuffled input', () => {
    const visits = [
      visit('b', '14:10', '14:40'),
      visit('a', '14:30', null),
      visit('a', '14:00', '14:05'),
      visit('c', '13:00', '16:00'),
    ]
    const forward = matchExposures(CASE_WINDOWS, visits, rules)
    const backward = matchExposures(
      CASE_WINDOWS,
      [...visits].reverse(),
      rules,
    )
    expect(forward).toEqual(backward)
    expect(forward.map((exposure) => exposure.residentRef)).toEqual([
      'a',
      'a',
      'b',
      'c',
    ])
  })
})

// All pairs, written without the matcher's sweep, as the reference.
function bruteForce(windows: RiskWindow[], visits: Visit[]): string[] {
  const { yellow, red } = rules.exposure.minOverlapMinutes
  const found: string[] = []
  for (const window of windows) {
    for (const visit of visits) {
      if (visit.venueId !== window.venueId) continue
      const source = window.source
      const own =
        source.kind === 'case' && source.residentRef === visit.residentRef
      if (own) continue
      const minutes = overlapMinutes(
        [window.start, window.end],
        visitInterval(visit, rules),
      )
      const color =
        window.level === 'red' && minutes >= red
          ? 'red'
          : minutes >= yellow
            ? 'yellow'
            : null
      if (color === null) continue
      found.push(pairKey(window, visit.residentRef, minutes, color))
    }
  }
  return found.sort()
}

function pairKey(
  window: RiskWindow,
  residentRef: string,
  minutes: number,
  color: RiskColor,
): string {
  const source =
    window.source.kind === 'case'
      ? window.source.caseRef
      : window.source.riskRef
  return [
    residentRef,
    window.venueId,
    window.start.toISOString(),
    source,
    minutes,
    color,
  ].join('|')
}

function exposureKey(exposure: Exposure): string {
  return pairKey(
    exposure.window,
    exposure.residentRef,
    exposure.overlapMinutes,
    exposure.color,
  )
}

describe('matchExposures against all pairs', () => {
  const { visits, windows } = syntheticData(
    {
      seed: 20260210,
      visits: 100_000,
      venues: 300,
      residents: 20_000,
      cases: 8,
      venueWindows: 12,
      days: 7,
      noCheckoutShare: 0.1,
    },
    rules,
    new Date('2026-02-01T00:00:00+08:00'),
  )
  const expected = bruteForce(windows, visits)
  const exposures = matchExposures(windows, visits, rules)

  it('generates a few dozen windows', () => {
    expect(windows.length).toBeGreaterThanOrEqual(24)
    expect(windows.length).toBeLessThanOrEqual(80)
  })

  it('finds the same contacts, overlaps and colors', () => {
    expect(exposures.map(exposureKey).sort()).toEqual(expected)
  })

  it('finds contacts of both colors', () => {
    const colors = exposures.map((exposure) => exposure.color)
    expect(colors.filter((color) => color === 'red').length).toBeGreaterThan(
      20,
    )
    expect(
      colors.filter((color) => color === 'yellow').length,
    ).toBeGreaterThan(20)
  })

  it('includes visits that touch a window without exposure', () => {
    const touching = visits.filter((visit) =>
      windows.some((window) => {
        const [start, end] = visitInterval(visit, rules)
        return (
          window.venueId === visit.venueId &&
          (end.getTime() === window.start.getTime() ||
            start.getTime() === window.end.getTime())
        )
      }),
    )
    expect(touching.length).toBeGreaterThan(0)
  })
})
