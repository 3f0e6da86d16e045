import { assert, describe, expect, it } from 'vitest'
import type { Answer } from '../api/schemas'
import { loadCityRules } from '../cities/loadCityRules'
import { validateAnswers } from './answers'

const rules = loadCityRules('hangzhou')

const CLEAR: Record<string, Answer> = {
  symptoms: false,
  travel: ['none'],
  contact: 'none',
}

function missing(field: string) {
  return { field, code: 'QUESTIONNAIRE_INVALID', problem: 'missing' }
}

function problems(answers: Record<string, Answer>) {
  const result = validateAnswers(rules, answers)
  return result.kind === 'invalid'
    ? result.errors.map((error) => [error.field, error.problem])
    : []
}

describe('validateAnswers', () => {
  it('accepts a complete all-clear declaration', () => {
    expect(validateAnswers(rules, CLEAR)).toEqual({
      kind: 'ok',
      answers: CLEAR,
    })
  })

  it('accepts several areas in a multiple-choice answer', () => {
    const answers = { ...CLEAR, travel: ['wuhan', 'abroad'] }
    expect(validateAnswers(rules, answers)).toEqual({ kind: 'ok', answers })
  })

  it('returns the answers in questionnaire order', () => {
    const result = validateAnswers(rules, {
      contact: 'none',
      travel: ['none'],
      symptoms: true,
    })
    assert(result.kind === 'ok')
    expect(Object.keys(result.answers)).toEqual([
      'symptoms',
      'travel',
      'contact',
    ])
  })

  it('reports every missing question', () => {
    const result = validateAnswers(rules, {})
    expect(result).toEqual({
      kind: 'invalid',
      errors: [
        missing('answers.symptoms'),
        missing('answers.travel'),
        missing('answers.contact'),
      ],
    })
  })

  it('reports an unknown question', () => {
    expect(problems({ ...CLEAR, fever: true })).toEqual([
      ['answers.fever', 'unknown_question'],
    ])
  })

  it('does not read answers from the object prototype', () => {
    const answers = Object.create({ symptoms: false }) as Record<string, Answer>
    answers.travel = ['none']
    answers.contact = 'none'
    expect(problems(answers)).toEqual([['answers.symptoms', 'missing']])
  })

  it.each([
    ['a string for a boolean', 'symptoms', 'no'],
    ['a boolean for a single choice', 'contact', false],
    ['an array for a single choice', 'contact', ['none']],
    ['a string for a multiple choice', 'travel', 'none'],
    ['an array for a boolean', 'symptoms', []],
  ])('reports %s as wrong_type', (_label, id, answer) => {
    expect(problems({ ...CLEAR, [id]: answer })).toEqual([
      [`answers.${id}`, 'wrong_type'],
    ])
  })

  it.each([
    ['single', 'contact', 'maybe'],
    ['multiple', 'travel', ['wuhan', 'paris']],
  ])('reports an unknown option in a %s choice', (_label, id, answer) => {
    expect(problems({ ...CLEAR, [id]: answer })).toEqual([
      [`answers.${id}`, 'unknown_option'],
    ])
  })

  it('reports none combined with an area', () => {
    expect(problems({ ...CLEAR, travel: ['none', 'wuhan'] })).toEqual([
      ['answers.travel', 'conflicting_options'],
    ])
  })

  it('reports a repeated option', () => {
    expect(problems({ ...CLEAR, travel: ['wuhan', 'wuhan'] })).toEqual([
      ['answers.travel', 'conflicting_options'],
    ])
  })

  it('reports an empty multiple choice as missing', () => {
    expect(problems({ ...CLEAR, travel: [] })).toEqual([
      ['answers.travel', 'missing'],
    ])
  })
})
