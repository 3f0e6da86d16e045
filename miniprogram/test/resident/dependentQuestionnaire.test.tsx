import { act, screen, waitFor } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import QuestionnairePage from '../../src/resident/dependent-questionnaire/index'
import { setRouterParams } from '../stubs/taro'
import { json, renderPage, SIGNED_IN, type Routes } from '../fakes'

const QUESTIONNAIRE = {
  city: 'hangzhou',
  rulesVersion: '2026-01-20.1',
  questions: [
    { id: 'symptoms', kind: 'boolean', label: '近14天内是否有症状？' },
  ],
}

const CHILD = {
  id: 'd_1',
  maskedName: '*小明',
  documentType: 'mainland_id',
  maskedDocument: '11**************33',
  relationship: 'child',
  linkedAt: '2026-01-10T02:00:00Z',
  guardianCount: 1,
  status: { rated: false },
}

const GREEN = {
  rated: true,
  color: 'green',
  until: null,
  reasons: [],
  rulesVersion: '2026-01-20.1',
  evaluatedAt: '2026-01-20T04:00:00Z',
}

function routes(overrides: Routes = {}): Routes {
  return {
    'GET /v1/questionnaire': json(200, QUESTIONNAIRE),
    'GET /v1/residents/me/dependents': json(200, {
      items: [CHILD],
      maxDependents: 5,
    }),
    'POST /v1/residents/me/dependents/d_1/questionnaire': json(200, GREEN),
    ...overrides,
  }
}

describe('QuestionnairePage', () => {
  it('answers for the dependent and goes back', async () => {
    setRouterParams({ id: 'd_1' })
    const view = renderPage(<QuestionnairePage />, {
      routes: routes(),
      session: SIGNED_IN,
    })
    await screen.findByText('为 *小明 健康申报')
    act(() => document.getElementById('q-symptoms-no')?.click())
    await act(async () => document.getElementById('q-submit')?.click())
    const post = view.requests.find((request) => request.method === 'POST')
    expect(post?.url).toBe(
      'http://api.test/v1/residents/me/dependents/d_1/questionnaire',
    )
    expect(post?.body).toEqual({ answers: { symptoms: false } })
    await waitFor(() => expect(view.routes).toEqual(['back']))
  })

  it('asks for every answer before sending', async () => {
    setRouterParams({ id: 'd_1' })
    const view = renderPage(<QuestionnairePage />, {
      routes: routes(),
      session: SIGNED_IN,
    })
    await screen.findByText('近14天内是否有症状？')
    act(() => document.getElementById('q-submit')?.click())
    expect(
      document.getElementById('field-error-answers.symptoms'),
    ).not.toBeNull()
    expect(view.requests.some((request) => request.method === 'POST')).toBe(
      false,
    )
  })
})
