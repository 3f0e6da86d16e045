import { assert, describe, expect, it } from 'vitest'
import { QuestionnaireView, ResidentStatus } from '../api/schemas'
import { loadCityRules } from '../cities/loadCityRules'
import type { Rating, Reason } from './evaluate'
import { localizeReason, questionnaireView, ratingToStatus } from './view'

const rules = loadCityRules('hangzhou')

const REASON: Reason = {
  rule: 'questionnaire.symptoms',
  color: 'yellow',
  since: new Date('2026-02-10T00:00:00+08:00'),
  until: new Date('2026-02-18T00:00:00+08:00'),
  text: { zh: '申报有症状', en: 'You reported symptoms' },
}

describe('questionnaireView', () => {
  it('renders the Hangzhou questions in English', () => {
    const view = questionnaireView(rules, 'en')
    expect(view.city).toBe('hangzhou')
    expect(view.rulesVersion).toBe('2026-01-20.1')
    expect(view.questions[0]).toEqual({
      id: 'symptoms',
      kind: 'boolean',
      label:
        'In the last 14 days, have you had a fever, a cough or other ' +
        'symptoms such as fatigue, a sore throat or loss of smell or taste?',
    })
    expect(view.questions[2]?.options).toEqual([
      { value: 'none', label: 'No contact' },
      { value: 'suspected', label: 'Contact with a suspected case' },
      { value: 'confirmed', label: 'Contact with a confirmed case' },
    ])
  })

  it('renders Chinese labels', () => {
    const view = questionnaireView(rules, 'zh')
    expect(view.questions[1]?.options?.[0]).toEqual({
      value: 'wuhan',
      label: '湖北省武汉市',
    })
  })

  it('does not reveal which options are risky', () => {
    const text = JSON.stringify(questionnaireView(rules, 'en'))
    expect(text).not.toContain('risk')
    expect(text).not.toContain('yellow')
  })

  it('matches the QuestionnaireView schema', () => {
    const view = questionnaireView(rules, 'zh')
    expect(QuestionnaireView.safeParse(view).success).toBe(true)
  })
})

describe('localizeReason', () => {
  it('returns ISO instants and the text in one language', () => {
    expect(localizeReason(REASON, 'en')).toEqual({
      rule: 'questionnaire.symptoms',
      color: 'yellow',
      since: '2026-02-09T16:00:00.000Z',
      until: '2026-02-17T16:00:00.000Z',
      text: 'You reported symptoms',
    })
  })
})

describe('ratingToStatus', () => {
  const yellow: Rating = {
    color: 'yellow',
    until: REASON.until,
    reasons: [REASON],
    rulesVersion: '2026-01-20.1',
  }
  const evaluatedAt = new Date('2026-02-11T02:00:00Z')

  it('returns a rated status in Chinese', () => {
    expect(ratingToStatus(yellow, 'zh', evaluatedAt)).toEqual({
      rated: true,
      color: 'yellow',
      until: '2026-02-17T16:00:00.000Z',
      reasons: [{ ...localizeReason(REASON, 'zh'), text: '申报有症状' }],
      rulesVersion: '2026-01-20.1',
      evaluatedAt: '2026-02-11T02:00:00.000Z',
    })
  })

  it('returns null until for green', () => {
    const green: Rating = {
      ...yellow,
      color: 'green',
      until: null,
      reasons: [],
    }
    const status = ratingToStatus(green, 'en', evaluatedAt)
    assert(status.rated)
    expect(status.until).toBeNull()
  })

  it('matches the ResidentStatus schema', () => {
    const status = ratingToStatus(yellow, 'en', evaluatedAt)
    expect(ResidentStatus.safeParse(status).success).toBe(true)
  })
})
