import { describe, expect, it } from 'vitest'
import { loadCityRules } from '../cities/loadCityRules'
import { infectiousFrom, windowsFromCase, type CaseInfo } from './windows'
import type { Visit } from './visits'

const rules = loadCityRules('hangzhou')

const CONFIRMED: CaseInfo = {
  kind: 'confirmed',
  onset: new Date('2026-02-14T09:00:00+08:00'),
  caseRef: 'case-1',
  residentRef: 'patient',
}

const NOW = new Date('2026-02-15T12:00:00+08:00')

function visit(venueId: string, start: string, end: string | null): Visit {
  return {
    residentRef: 'patient',
    venueId,
    start: new Date(start),
    end: end === null ? null : new Date(end),
  }
}

describe('infectiousFrom', () => {
  it('starts four city days before the day of onset', () => {
    expect(infectiousFrom(CONFIRMED.onset, rules)).toEqual(
      new Date('2026-02-10T00:00:00+08:00'),
    )
  })

  it('counts the onset day in the city, not in UTC', () => {
    // 01:00 on the 14th in China is still the 13th in UTC.
    const onset = new Date('2026-02-14T01:00:00+08:00')
    expect(infectiousFrom(onset, rules)).toEqual(
      new Date('2026-02-10T00:00:00+08:00'),
    )
  })
})

describe('windowsFromCase', () => {
  it('extends a visit by the buffer after the case left', () => {
    const visits = [
      visit('market', '2026-02-12T14:00:00+08:00', '2026-02-12T14:30:00+08:00'),
    ]
    expect(windowsFromCase(visits, CONFIRMED, rules, NOW)).toEqual([
      {
        venueId: 'market',
        start: new Date('2026-02-12T14:00:00+08:00'),
        end: new Date('2026-02-12T15:00:00+08:00'),
        level: 'red',
        source: {
          kind: 'case',
          caseRef: 'case-1',
          caseKind: 'confirmed',
          residentRef: 'patient',
        },
      },
    ])
  })

  it('uses the default stay without check-out', () => {
    const visits = [visit('market', '2026-02-12T14:00:00+08:00', null)]
    const [window] = windowsFromCase(visits, CONFIRMED, rules, NOW)
    // 120 minutes of stay and 30 of buffer.
    expect(window?.end).toEqual(new Date('2026-02-12T16:30:00+08:00'))
  })

  it('drops visits that ended before the infectious period', () => {
    const visits = [
      visit('market', '2026-02-09T22:00:00+08:00', '2026-02-09T23:59:00+08:00'),
    ]
    expect(windowsFromCase(visits, CONFIRMED, rules, NOW)).toEqual([])
  })

  it('clips a visit that spans the start of the infectious period', () => {
    const visits = [
      visit('bar', '2026-02-09T23:00:00+08:00', '2026-02-10T01:00:00+08:00'),
    ]
    const [window] = windowsFromCase(visits, CONFIRMED, rules, NOW)
    expect(window?.start).toEqual(new Date('2026-02-10T00:00:00+08:00'))
    expect(window?.end).toEqual(new Date('2026-02-10T01:30:00+08:00'))
  })

  it('ignores visits that start after now', () => {
    const visits = [
      visit('market', '2026-02-15T12:00:01+08:00', '2026-02-15T13:00:00+08:00'),
    ]
    expect(windowsFromCase(visits, CONFIRMED, rules, NOW)).toEqual([])
  })

  it('merges overlapping windows at one venue', () => {
    const visits = [
      visit('market', '2026-02-12T15:00:00+08:00', '2026-02-12T15:20:00+08:00'),
      visit('market', '2026-02-12T14:00:00+08:00', '2026-02-12T14:30:00+08:00'),
      visit('bank', '2026-02-12T14:40:00+08:00', '2026-02-12T14:50:00+08:00'),
    ]
    const windows = windowsFromCase(visits, CONFIRMED, rules, NOW)
    expect(
      windows.map((window) => [
        window.venueId,
        window.start.toISOString(),
        window.end.toISOString(),
      ]),
    ).toEqual([
      ['bank', '2026-02-12T06:40:00.000Z', '2026-02-12T07:20:00.000Z'],
      ['market', '2026-02-12T06:00:00.000Z', '2026-02-12T07:50:00.000Z'],
    ])
  })

  it('keeps separate windows when the case was away longer', () => {
    const visits = [
      visit('market', '2026-02-12T14:00:00+08:00', '2026-02-12T14:30:00+08:00'),
      visit('market', '2026-02-12T15:01:00+08:00', '2026-02-12T15:20:00+08:00'),
    ]
    expect(windowsFromCase(visits, CONFIRMED, rules, NOW)).toHaveLength(2)
  })

  it('gives contacts of a suspected case at most yellow', () => {
    const suspected: CaseInfo = { ...CONFIRMED, kind: 'suspected' }
    const visits = [
      visit('market', '2026-02-12T14:00:00+08:00', '2026-02-12T14:30:00+08:00'),
    ]
    const [window] = windowsFromCase(visits, suspected, rules, NOW)
    expect(window?.level).toBe('yellow')
  })

  it('throws on a visit of another resident', () => {
    const visits = [
      {
        ...visit('market', '2026-02-12T14:00:00+08:00', null),
        residentRef: 'someone-else',
      },
    ]
    expect(() => windowsFromCase(visits, CONFIRMED, rules, NOW)).toThrow(
      'windowsFromCase needs visits of the case only',
    )
  })
})
