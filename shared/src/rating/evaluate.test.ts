import { describe, expect, it } from 'vitest'
import type { Answer } from '../api/schemas'
import { loadCityRules } from '../cities/loadCityRules'
import { evaluate, type Declaration } from './evaluate'

const rules = loadCityRules('hangzhou')

const CLEAR: Record<string, Answer> = {
  symptoms: false,
  travel: ['none'],
  contact: 'none',
}

const SYMPTOMS_REASON = {
  zh: '申报近14天内有发热、咳嗽等症状',
  en: 'You reported a fever, a cough or other symptoms in the last 14 days',
}

function declared(at: string, answers: Record<string, Answer>): Declaration {
  return { answeredAt: new Date(at), answers: { ...CLEAR, ...answers } }
}

function rate(declarations: Declaration[], now: string) {
  return evaluate(rules, { declarations }, new Date(now))
}

const YELLOW_ON_10TH = declared('2026-02-10T15:00:00+08:00', {
  symptoms: true,
})
const RED_ON_12TH = declared('2026-02-12T09:00:00+08:00', {
  contact: 'confirmed',
})

describe('evaluate', () => {
  it('rates green without declarations', () => {
    expect(rate([], '2026-02-10T12:00:00+08:00')).toEqual({
      color: 'green',
      until: null,
      reasons: [],
      rulesVersion: '2026-01-20.1',
    })
  })

  it('rates an all-clear declaration green', () => {
    const clear = declared('2026-02-10T15:00:00+08:00', {})
    expect(rate([clear], '2026-02-10T15:00:00+08:00').color).toBe('green')
  })

  it('rates symptoms yellow from the start of the declaration day', () => {
    expect(rate([YELLOW_ON_10TH], '2026-02-10T15:00:00+08:00')).toEqual({
      color: 'yellow',
      until: new Date('2026-02-18T00:00:00+08:00'),
      reasons: [
        {
          rule: 'questionnaire.symptoms',
          color: 'yellow',
          since: new Date('2026-02-10T00:00:00+08:00'),
          until: new Date('2026-02-18T00:00:00+08:00'),
          text: SYMPTOMS_REASON,
        },
      ],
      rulesVersion: '2026-01-20.1',
    })
  })

  it('keeps yellow until the last instant of the seventh whole day', () => {
    expect(rate([YELLOW_ON_10TH], '2026-02-17T23:59:59.999+08:00').color).toBe(
      'yellow',
    )
  })

  it('turns green at midnight after seven whole days', () => {
    expect(rate([YELLOW_ON_10TH], '2026-02-18T00:00:00+08:00')).toEqual({
      color: 'green',
      until: null,
      reasons: [],
      rulesVersion: '2026-01-20.1',
    })
  })

  it('uses the day in China for a declaration late in UTC', () => {
    // 23:30 on 10 February in China is still the 10th there.
    const late = declared('2026-02-10T15:30:00Z', { symptoms: true })
    expect(rate([late], '2026-02-11T00:00:00+08:00').until).toEqual(
      new Date('2026-02-18T00:00:00+08:00'),
    )
  })

  it('rates contact with a confirmed case red for 14 whole days', () => {
    const rating = rate([RED_ON_12TH], '2026-02-12T09:00:00+08:00')
    expect(rating.color).toBe('red')
    expect(rating.until).toEqual(new Date('2026-02-27T00:00:00+08:00'))
  })

  it('rates contact with a suspected case yellow', () => {
    const suspected = declared('2026-02-12T09:00:00+08:00', {
      contact: 'suspected',
    })
    expect(rate([suspected], '2026-02-12T09:00:00+08:00').color).toBe('yellow')
  })

  it('gives one reason per risky area', () => {
    const travel = declared('2026-02-12T09:00:00+08:00', {
      travel: ['wuhan', 'abroad'],
    })
    const rating = rate([travel], '2026-02-12T09:00:00+08:00')
    expect(rating.reasons.map((reason) => reason.text.en)).toEqual([
      'You reported a stay in Wuhan, Hubei in the last 14 days',
      'You reported a stay outside mainland China in the last 14 days',
    ])
    expect(rating.reasons.every((r) => r.rule === 'questionnaire.travel')).toBe(
      true,
    )
  })

  it('rates red over yellow and lists red first', () => {
    const rating = rate([YELLOW_ON_10TH, RED_ON_12TH], '2026-02-13T00:00:00Z')
    expect(rating.color).toBe('red')
    expect(rating.reasons.map((reason) => reason.color)).toEqual([
      'red',
      'yellow',
    ])
  })

  it('reports the latest end of all active reasons as until', () => {
    // Red from the 10th ends on the 25th. Yellow from the 20th ends later.
    const red = declared('2026-02-10T09:00:00+08:00', { contact: 'confirmed' })
    const yellow = declared('2026-02-20T09:00:00+08:00', { symptoms: true })
    const rating = rate([red, yellow], '2026-02-20T10:00:00+08:00')
    expect(rating.color).toBe('red')
    expect(rating.until).toEqual(new Date('2026-02-28T00:00:00+08:00'))
  })

  it('keeps an earlier risk after a later all-clear declaration', () => {
    const clear = declared('2026-02-11T08:00:00+08:00', {})
    const rating = rate([YELLOW_ON_10TH, clear], '2026-02-11T08:00:00+08:00')
    expect(rating.color).toBe('yellow')
    expect(rating.until).toEqual(new Date('2026-02-18T00:00:00+08:00'))
  })

  it('extends yellow when symptoms are declared again later', () => {
    const again = declared('2026-02-15T08:00:00+08:00', { symptoms: true })
    const rating = rate([YELLOW_ON_10TH, again], '2026-02-15T08:00:00+08:00')
    expect(rating.until).toEqual(new Date('2026-02-23T00:00:00+08:00'))
    expect(rating.reasons).toHaveLength(2)
  })

  it('ignores declarations made after now', () => {
    expect(rate([YELLOW_ON_10TH], '2026-02-10T14:59:59+08:00').color).toBe(
      'green',
    )
  })

  it('ignores answers the current rules do not know', () => {
    const old = {
      answeredAt: new Date('2026-02-10T15:00:00+08:00'),
      answers: { fever: true, travel: ['paris'], contact: 'none' },
    }
    expect(rate([old], '2026-02-10T15:00:00+08:00').color).toBe('green')
  })

  it('returns the same rating for the same input', () => {
    const now = '2026-02-13T00:00:00Z'
    expect(rate([RED_ON_12TH, YELLOW_ON_10TH], now)).toEqual(
      rate([RED_ON_12TH, YELLOW_ON_10TH], now),
    )
  })
})
