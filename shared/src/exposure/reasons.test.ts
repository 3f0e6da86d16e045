import { describe, expect, it } from 'vitest'
import { loadCityRules } from '../cities/loadCityRules'
import { exposureFact, type ExposureFact } from './facts'
import { matchExposures } from './match'
import { cityClock, describePeriod } from './period'
import { caseReason, exposureReason } from './reasons'
import { windowsFromCase } from './windows'

const rules = loadCityRules('hangzhou')

function fact(overrides: Partial<ExposureFact>): ExposureFact {
  return {
    color: 'red',
    start: new Date('2026-02-10T14:00:00+08:00'),
    end: new Date('2026-02-10T14:45:00+08:00'),
    window: {
      start: new Date('2026-02-10T13:30:00+08:00'),
      end: new Date('2026-02-10T15:00:00+08:00'),
    },
    venueName: '文三路菜市场',
    cause: { kind: 'case', caseKind: 'confirmed' },
    foundAt: new Date('2026-02-12T10:00:00+08:00'),
    ...overrides,
  }
}

describe('cityClock', () => {
  it('shows the wall time in the city', () => {
    const instant = new Date('2026-02-10T16:05:00Z')
    expect(cityClock(instant, 'Asia/Shanghai')).toBe('00:05')
  })
})

describe('describePeriod', () => {
  it('names one day when the period stays in it', () => {
    expect(
      describePeriod(
        new Date('2026-02-10T14:00:00+08:00'),
        new Date('2026-02-10T14:45:00+08:00'),
        'Asia/Shanghai',
      ),
    ).toEqual({
      zh: '2026-02-10 14:00至14:45',
      en: 'on 2026-02-10 between 14:00 and 14:45',
    })
  })

  it('names both days across midnight', () => {
    expect(
      describePeriod(
        new Date('2026-02-10T23:50:00+08:00'),
        new Date('2026-02-11T00:40:00+08:00'),
        'Asia/Shanghai',
      ),
    ).toEqual({
      zh: '2026-02-10 23:50至2026-02-11 00:40',
      en: 'between 2026-02-10 23:50 and 2026-02-11 00:40',
    })
  })

  it('names one time for an instant', () => {
    const instant = new Date('2026-02-10T14:30:00+08:00')
    expect(describePeriod(instant, instant, 'Asia/Shanghai')).toEqual({
      zh: '2026-02-10 14:30',
      en: 'on 2026-02-10 at 14:30',
    })
  })
})

describe('exposureReason', () => {
  it('names the venue and the overlap of a confirmed case', () => {
    expect(exposureReason(rules, fact({}))).toEqual({
      rule: 'exposure.confirmed_case',
      color: 'red',
      since: new Date('2026-02-10T00:00:00+08:00'),
      until: new Date('2026-02-25T00:00:00+08:00'),
      text: {
        zh:
          '2026-02-10 14:00至14:45，您在文三路菜市场与确诊病例同时在场' +
          '或在其离开后不久到场',
        en:
          'You were at 文三路菜市场 on 2026-02-10 between 14:00 and ' +
          '14:45, at the same time as a confirmed case or shortly after ' +
          'they left',
      },
    })
  })

  it('lasts seven days for a yellow exposure', () => {
    const reason = exposureReason(rules, fact({ color: 'yellow' }))
    expect(reason.until).toEqual(new Date('2026-02-18T00:00:00+08:00'))
  })

  it('names a suspected case', () => {
    const reason = exposureReason(
      rules,
      fact({ color: 'yellow', cause: { kind: 'case', caseKind: 'suspected' } }),
    )
    expect(reason.rule).toBe('exposure.suspected_case')
    expect(reason.text.en).toContain('at the same time as a suspected case')
    expect(reason.text.zh).toContain('与疑似病例同时在场')
  })

  it('names a risk venue', () => {
    const reason = exposureReason(rules, fact({ cause: { kind: 'venue' } }))
    expect(reason.rule).toBe('exposure.risk_venue')
    expect(reason.text).toEqual({
      zh: '2026-02-10 14:00至14:45，您在文三路菜市场，该场所在此期间被列为风险场所',
      en:
        'You were at 文三路菜市场 on 2026-02-10 between 14:00 and 14:45, ' +
        'while health authorities listed it as a risk venue',
    })
  })

  it('counts from the city day of an exposure after midnight', () => {
    const caseInfo = {
      kind: 'confirmed' as const,
      onset: new Date('2026-02-12T09:00:00+08:00'),
      caseRef: 'case-1',
      residentRef: 'patient',
    }
    const windows = windowsFromCase(
      [
        {
          residentRef: 'patient',
          venueId: 'bar',
          start: new Date('2026-02-10T23:40:00+08:00'),
          end: new Date('2026-02-11T00:10:00+08:00'),
        },
      ],
      caseInfo,
      rules,
      new Date('2026-02-12T12:00:00+08:00'),
    )
    // 00:05 on the 11th in China is 16:05 on the 10th in UTC.
    const [exposure] = matchExposures(
      windows,
      [
        {
          residentRef: 'contact',
          venueId: 'bar',
          start: new Date('2026-02-11T00:05:00+08:00'),
          end: new Date('2026-02-11T01:00:00+08:00'),
        },
      ],
      rules,
    )
    if (exposure === undefined) throw new Error('expected an exposure')
    const foundAt = new Date('2026-02-12T12:00:00+08:00')
    const reason = exposureReason(
      rules,
      exposureFact(exposure, '夜市', foundAt),
    )
    expect(exposure.start.toISOString()).toBe('2026-02-10T16:05:00.000Z')
    expect(reason.since).toEqual(new Date('2026-02-11T00:00:00+08:00'))
    expect(reason.until).toEqual(new Date('2026-02-26T00:00:00+08:00'))
    expect(reason.text.en).toBe(
      'You were at 夜市 on 2026-02-11 between 00:05 and 00:40, at the same ' +
        'time as a confirmed case or shortly after they left',
    )
  })
})

describe('exposureFact', () => {
  it('keeps the case kind but not the case', () => {
    const [window] = windowsFromCase(
      [
        {
          residentRef: 'patient',
          venueId: 'market',
          start: new Date('2026-02-10T14:00:00+08:00'),
          end: new Date('2026-02-10T14:30:00+08:00'),
        },
      ],
      {
        kind: 'suspected',
        onset: new Date('2026-02-11T09:00:00+08:00'),
        caseRef: 'case-7',
        residentRef: 'patient',
      },
      rules,
      new Date('2026-02-12T12:00:00+08:00'),
    )
    if (window === undefined) throw new Error('expected a window')
    const exposure = {
      residentRef: 'contact',
      venueId: 'market',
      window,
      overlapMinutes: 20,
      color: 'yellow' as const,
      start: new Date('2026-02-10T14:10:00+08:00'),
      end: new Date('2026-02-10T14:30:00+08:00'),
    }
    const foundAt = new Date('2026-02-12T12:00:00+08:00')
    const result = exposureFact(exposure, '文三路菜市场', foundAt)
    expect(result).toEqual({
      color: 'yellow',
      start: exposure.start,
      end: exposure.end,
      window: { start: window.start, end: window.end },
      venueName: '文三路菜市场',
      cause: { kind: 'case', caseKind: 'suspected' },
      foundAt,
    })
    expect(JSON.stringify(result)).not.toContain('patient')
    expect(JSON.stringify(result)).not.toContain('case-7')
  })
})

describe('caseReason', () => {
  it('rates a confirmed case red from the day of the report', () => {
    expect(
      caseReason(rules, {
        kind: 'confirmed',
        onset: new Date('2026-02-08T09:00:00+08:00'),
        reportedAt: new Date('2026-02-10T20:00:00+08:00'),
      }),
    ).toEqual({
      rule: 'case.confirmed',
      color: 'red',
      since: new Date('2026-02-10T00:00:00+08:00'),
      until: new Date('2026-02-25T00:00:00+08:00'),
      text: {
        zh: '您于2026-02-10被报告为确诊病例',
        en: 'You were reported as a confirmed case on 2026-02-10',
      },
    })
  })

  it('rates a suspected case yellow', () => {
    const reason = caseReason(rules, {
      kind: 'suspected',
      onset: new Date('2026-02-08T09:00:00+08:00'),
      reportedAt: new Date('2026-02-10T20:00:00+08:00'),
    })
    expect(reason.color).toBe('yellow')
    expect(reason.text.en).toBe(
      'You were reported as a suspected case on 2026-02-10',
    )
  })
})
