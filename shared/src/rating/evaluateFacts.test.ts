import { describe, expect, it } from 'vitest'
import type { CityRules } from '../cities/cityRules'
import { loadCityRules } from '../cities/loadCityRules'
import type { CaseFact, ExposureFact } from '../exposure/facts'
import type { AppealOutcome, Override } from './decisions'
import { evaluate, type Declaration, type Facts } from './evaluate'

const rules = loadCityRules('hangzhou')

function instant(text: string): Date {
  return new Date(text)
}

const RED_EXPOSURE: ExposureFact = {
  color: 'red',
  start: instant('2026-02-10T14:00:00+08:00'),
  end: instant('2026-02-10T14:45:00+08:00'),
  window: {
    start: instant('2026-02-10T13:30:00+08:00'),
    end: instant('2026-02-10T15:00:00+08:00'),
  },
  venueName: '文三路菜市场',
  cause: { kind: 'case', caseKind: 'confirmed' },
  foundAt: instant('2026-02-12T10:00:00+08:00'),
}

const RED_VENUE: ExposureFact = {
  ...RED_EXPOSURE,
  cause: { kind: 'venue' },
}

const SUSPECTED: CaseFact = {
  kind: 'suspected',
  onset: instant('2026-02-09T08:00:00+08:00'),
  reportedAt: instant('2026-02-12T10:00:00+08:00'),
}

const SYMPTOMS: Declaration = {
  answeredAt: instant('2026-02-11T09:00:00+08:00'),
  answers: { symptoms: true, travel: ['none'], contact: 'none' },
}

function rate(facts: Partial<Facts>, now: string, cityRules = rules) {
  return evaluate(cityRules, { declarations: [], ...facts }, instant(now))
}

function override(changes: Partial<Override>): Override {
  return {
    color: 'green',
    setAt: instant('2026-02-13T09:00:00+08:00'),
    until: instant('2026-02-20T00:00:00+08:00'),
    reasonCode: 'negative_test',
    evidenceRef: 'report-123',
    operatorId: 'operator-9',
    ...changes,
  }
}

describe('evaluate with exposures', () => {
  it('rates red from the day of the exposure', () => {
    const rating = rate({ exposures: [RED_EXPOSURE] }, '2026-02-12T10:00:00Z')
    expect(rating.color).toBe('red')
    expect(rating.until).toEqual(instant('2026-02-25T00:00:00+08:00'))
    expect(rating.reasons).toHaveLength(1)
    expect(rating.reasons[0]?.rule).toBe('exposure.confirmed_case')
    expect(rating.reasons[0]?.since).toEqual(
      instant('2026-02-10T00:00:00+08:00'),
    )
    expect(rating.reasons[0]?.text.en).toBe(
      'You were at 文三路菜市场 on 2026-02-10 between 14:00 and 14:45, ' +
        'at the same time as a confirmed case or shortly after they left',
    )
  })

  it('ignores an exposure found after now', () => {
    const rating = rate(
      { exposures: [RED_EXPOSURE] },
      '2026-02-12T09:59:59+08:00',
    )
    expect(rating.color).toBe('green')
  })

  it('turns green when the period ends', () => {
    const rating = rate(
      { exposures: [RED_EXPOSURE] },
      '2026-02-25T00:00:00+08:00',
    )
    expect(rating).toEqual({
      color: 'green',
      until: null,
      reasons: [],
      rulesVersion: '2026-01-20.1',
    })
  })
})

describe('evaluate with cases', () => {
  it('rates a confirmed case red', () => {
    const confirmed: CaseFact = { ...SUSPECTED, kind: 'confirmed' }
    const rating = rate({ cases: [confirmed] }, '2026-02-12T12:00:00+08:00')
    expect(rating.color).toBe('red')
    expect(rating.reasons.map((reason) => reason.rule)).toEqual([
      'case.confirmed',
    ])
  })

  it('rates a suspected case yellow', () => {
    const rating = rate({ cases: [SUSPECTED] }, '2026-02-12T12:00:00+08:00')
    expect(rating.color).toBe('yellow')
    expect(rating.until).toEqual(instant('2026-02-20T00:00:00+08:00'))
  })

  it('keeps the more severe of a case and a risk venue', () => {
    // The suspected case (yellow) and the red venue exposure are both
    // recorded at 10:00 on the 12th.
    const rating = rate(
      { cases: [SUSPECTED], exposures: [RED_VENUE] },
      '2026-02-12T10:00:00+08:00',
    )
    expect(rating.color).toBe('red')
    expect(rating.reasons.map((reason) => reason.rule)).toEqual([
      'exposure.risk_venue',
      'case.suspected',
    ])
    // The yellow case reason runs longer than the red one.
    expect(rating.until).toEqual(instant('2026-02-25T00:00:00+08:00'))
  })
})

describe('evaluate with households', () => {
  const fact = { reportedAt: instant('2026-02-12T10:00:00+08:00') }

  it('rates a co-resident yellow in Hangzhou', () => {
    const rating = rate({ household: [fact] }, '2026-02-12T10:00:00+08:00')
    expect(rating.color).toBe('yellow')
    expect(rating.reasons[0]?.rule).toBe('household.case')
    expect(rating.reasons[0]?.text).toEqual({
      zh: '您的同住家庭成员于2026-02-12被报告为病例',
      en: 'A member of your household was reported as a case on 2026-02-12',
    })
  })

  it('rates a co-resident red in Shanghai', () => {
    const shanghai = loadCityRules('shanghai')
    const rating = rate(
      { household: [fact] },
      '2026-02-12T10:00:00+08:00',
      shanghai,
    )
    expect(rating.color).toBe('red')
  })

  it('gives no reason when the city sets none', () => {
    const none: CityRules = {
      ...rules,
      households: { ...rules.households, coResidentsOfCase: 'none' },
    }
    const now = '2026-02-12T10:00:00+08:00'
    const rating = rate({ household: [fact] }, now, none)
    expect(rating.color).toBe('green')
  })
})

describe('evaluate with overrides', () => {
  const facts = { exposures: [RED_EXPOSURE] }

  it('sets green until the override ends', () => {
    const rating = rate(
      { ...facts, overrides: [override({})] },
      '2026-02-15T12:00:00+08:00',
    )
    expect(rating).toEqual({
      color: 'green',
      until: null,
      reasons: [],
      rulesVersion: '2026-01-20.1',
    })
  })

  it('brings back running reasons after the override ends', () => {
    const rating = rate(
      { ...facts, overrides: [override({})] },
      '2026-02-20T00:00:00+08:00',
    )
    expect(rating.color).toBe('red')
  })

  it('ignores an override set after now', () => {
    const rating = rate(
      { ...facts, overrides: [override({})] },
      '2026-02-13T08:59:59+08:00',
    )
    expect(rating.color).toBe('red')
  })

  it('keeps facts recorded after a green override', () => {
    const later: ExposureFact = {
      ...RED_EXPOSURE,
      color: 'yellow',
      start: instant('2026-02-14T10:00:00+08:00'),
      end: instant('2026-02-14T10:30:00+08:00'),
      foundAt: instant('2026-02-15T08:00:00+08:00'),
    }
    const rating = rate(
      { exposures: [RED_EXPOSURE, later], overrides: [override({})] },
      '2026-02-15T12:00:00+08:00',
    )
    expect(rating.color).toBe('yellow')
    expect(rating.reasons.map((reason) => reason.since)).toEqual([
      instant('2026-02-14T00:00:00+08:00'),
    ])
  })

  it('sets yellow over an earlier red', () => {
    const yellow = override({
      color: 'yellow',
      reasonCode: 'health_authority_order',
    })
    const rating = rate(
      { ...facts, overrides: [yellow] },
      '2026-02-15T12:00:00+08:00',
    )
    expect(rating.color).toBe('yellow')
    expect(rating.until).toEqual(instant('2026-02-20T00:00:00+08:00'))
    expect(rating.reasons).toEqual([
      {
        rule: 'override.health_authority_order',
        color: 'yellow',
        since: instant('2026-02-13T09:00:00+08:00'),
        until: instant('2026-02-20T00:00:00+08:00'),
        text: {
          zh: '工作人员依据卫生健康部门的决定设定了健康码颜色',
          en: 'An operator set this color on the order of the health authority',
        },
      },
    ])
  })

  it('sets red until its end', () => {
    const red = override({
      color: 'red',
      reasonCode: 'positive_test',
      until: instant('2026-03-13T00:00:00+08:00'),
    })
    const rating = rate({ overrides: [red] }, '2026-03-01T12:00:00+08:00')
    expect(rating.color).toBe('red')
    expect(rating.until).toEqual(instant('2026-03-13T00:00:00+08:00'))
    expect(rating.reasons[0]?.rule).toBe('override.positive_test')
  })

  it('applies the override set last', () => {
    const red = override({ color: 'red', reasonCode: 'positive_test' })
    const green = override({
      setAt: instant('2026-02-14T09:00:00+08:00'),
      reasonCode: 'data_correction',
    })
    for (const overrides of [
      [red, green],
      [green, red],
    ]) {
      const rating = rate({ overrides }, '2026-02-15T12:00:00+08:00')
      expect(rating.color).toBe('green')
    }
  })

  it('never shows the evidence or the operator', () => {
    const red = override({ color: 'red', reasonCode: 'positive_test' })
    const rating = rate({ overrides: [red] }, '2026-02-15T12:00:00+08:00')
    const serialized = JSON.stringify(rating)
    expect(serialized).not.toContain('report-123')
    expect(serialized).not.toContain('operator-9')
  })
})

describe('evaluate with appeals', () => {
  const appeal: AppealOutcome = {
    clearsRules: ['exposure.confirmed_case'],
    decidedAt: instant('2026-02-13T09:00:00+08:00'),
  }

  it('removes the reasons an appeal names', () => {
    const rating = rate(
      {
        exposures: [RED_EXPOSURE],
        declarations: [SYMPTOMS],
        appeals: [appeal],
      },
      '2026-02-13T09:00:00+08:00',
    )
    expect(rating.color).toBe('yellow')
    expect(rating.reasons.map((reason) => reason.rule)).toEqual([
      'questionnaire.symptoms',
    ])
  })

  it('ignores an appeal decided after now', () => {
    const rating = rate(
      { exposures: [RED_EXPOSURE], appeals: [appeal] },
      '2026-02-13T08:59:59+08:00',
    )
    expect(rating.color).toBe('red')
  })

  it('keeps facts of the same rule recorded after the decision', () => {
    const later: ExposureFact = {
      ...RED_EXPOSURE,
      start: instant('2026-02-14T10:00:00+08:00'),
      end: instant('2026-02-14T10:30:00+08:00'),
      foundAt: instant('2026-02-15T08:00:00+08:00'),
    }
    const rating = rate(
      { exposures: [RED_EXPOSURE, later], appeals: [appeal] },
      '2026-02-15T12:00:00+08:00',
    )
    expect(rating.color).toBe('red')
    expect(rating.reasons.map((reason) => reason.since)).toEqual([
      instant('2026-02-14T00:00:00+08:00'),
    ])
  })

  it('clears an override it names', () => {
    const red = override({ color: 'red', reasonCode: 'positive_test' })
    const cleared: AppealOutcome = {
      clearsRules: ['override.positive_test'],
      decidedAt: instant('2026-02-14T09:00:00+08:00'),
    }
    const rating = rate(
      { overrides: [red], appeals: [cleared] },
      '2026-02-15T12:00:00+08:00',
    )
    expect(rating.color).toBe('green')
  })
})

describe('evaluate purity', () => {
  // Object.freeze on every level, so a write to the input throws.
  function deepFreeze<T>(value: T): T {
    if (value !== null && typeof value === 'object') {
      for (const key of Object.keys(value)) {
        deepFreeze((value as Record<string, unknown>)[key])
      }
      Object.freeze(value)
    }
    return value
  }

  const facts: Facts = deepFreeze({
    declarations: [SYMPTOMS],
    exposures: [RED_EXPOSURE, RED_VENUE],
    cases: [SUSPECTED],
    overrides: [override({ color: 'yellow', reasonCode: 'data_correction' })],
    appeals: [
      {
        clearsRules: ['questionnaire.symptoms'],
        decidedAt: instant('2026-02-12T09:00:00+08:00'),
      },
    ],
    household: [{ reportedAt: instant('2026-02-14T10:00:00+08:00') }],
  })

  it('gives the same rating for unchanged inputs', () => {
    const now = instant('2026-02-15T12:00:00+08:00')
    const first = evaluate(rules, facts, now)
    const second = evaluate(rules, facts, now)
    expect(second).toEqual(first)
    expect(first.color).toBe('yellow')
    expect(first.reasons.map((reason) => reason.rule)).toEqual([
      'household.case',
      'override.data_correction',
    ])
  })

  it('gives the same rating for facts in another order', () => {
    // Same color and day at two venues, so only the texts differ.
    const other: ExposureFact = { ...RED_EXPOSURE, venueName: '武林广场' }
    const now = '2026-02-12T12:00:00+08:00'
    const forward = rate({ exposures: [RED_EXPOSURE, other] }, now)
    const reversed = rate({ exposures: [other, RED_EXPOSURE] }, now)
    expect(reversed).toEqual(forward)
    expect(forward.reasons.map((reason) => reason.text.zh)).toEqual([
      expect.stringContaining('文三路菜市场'),
      expect.stringContaining('武林广场'),
    ])
  })
})
