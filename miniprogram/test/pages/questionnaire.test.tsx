import { act, screen, waitFor } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { fieldText } from '../../src/contract'
import QuestionnairePage from '../../src/pages/questionnaire/index'
import { json, problem, renderPage, SIGNED_IN, type Routes } from '../fakes'

const QUESTIONNAIRE = {
  city: 'hangzhou',
  rulesVersion: '2026-01-20.1',
  questions: [
    { id: 'symptoms', kind: 'boolean', label: '近14天内是否有症状？' },
    {
      id: 'travel',
      kind: 'multiple',
      label: '近14天内是否到过以下地区？',
      options: [
        { value: 'wuhan', label: '湖北省武汉市' },
        { value: 'abroad', label: '境外' },
        { value: 'none', label: '以上都没有' },
      ],
    },
    {
      id: 'contact',
      kind: 'single',
      label: '是否接触过病例？',
      options: [
        { value: 'none', label: '没有接触' },
        { value: 'confirmed', label: '接触过确诊病例' },
      ],
    },
  ],
}

const RATED = {
  rated: true,
  color: 'yellow',
  until: '2026-01-27T16:00:00Z',
  reasons: [],
  rulesVersion: '2026-01-20.1',
  evaluatedAt: '2026-01-20T04:00:00Z',
}

function click(id: string) {
  const element = document.getElementById(id)
  if (element === null) throw new Error(`no element #${id}`)
  act(() => element.click())
}

function isPicked(id: string): boolean {
  return document.getElementById(id)?.className.includes('selected') ?? false
}

async function renderQuestionnaire(routes: Routes = {}) {
  const page = renderPage(<QuestionnairePage />, {
    routes: {
      'GET /v1/questionnaire': json(200, QUESTIONNAIRE),
      'POST /v1/residents/me/questionnaire': json(200, RATED),
      ...routes,
    },
    session: SIGNED_IN,
  })
  await screen.findByText('近14天内是否有症状？')
  return page
}

describe('QuestionnairePage', () => {
  it('renders an id for every answer', async () => {
    await renderQuestionnaire()
    for (const id of [
      'q-symptoms-yes',
      'q-symptoms-no',
      'q-travel-wuhan',
      'q-travel-abroad',
      'q-travel-none',
      'q-contact-none',
      'q-contact-confirmed',
      'q-submit',
    ]) {
      expect(document.getElementById(id), id).not.toBeNull()
    }
  })

  it('lets "none" exclude the other options', async () => {
    await renderQuestionnaire()
    click('q-travel-wuhan')
    click('q-travel-abroad')
    click('q-travel-none')
    expect(isPicked('q-travel-none')).toBe(true)
    expect(isPicked('q-travel-wuhan')).toBe(false)
    click('q-travel-wuhan')
    expect(isPicked('q-travel-none')).toBe(false)
    expect(isPicked('q-travel-wuhan')).toBe(true)
  })

  it('sends the answers and opens the code', async () => {
    const { requests, routes } = await renderQuestionnaire()
    click('q-symptoms-no')
    click('q-travel-wuhan')
    click('q-contact-none')
    click('q-submit')
    await waitFor(() => expect(routes).toEqual(['home']))
    expect(requests.at(-1)?.body).toEqual({
      answers: { symptoms: false, travel: ['wuhan'], contact: 'none' },
    })
  })

  it('marks unanswered questions before sending', async () => {
    const { requests } = await renderQuestionnaire()
    click('q-symptoms-yes')
    click('q-submit')
    expect(requests.filter((request) => request.method === 'POST')).toEqual(
      [],
    )
    expect(document.getElementById('field-error-answers.travel')?.textContent)
      .toBe(fieldText('answers.travel', 'missing', 'zh'))
    expect(document.getElementById('field-error-answers.symptoms')).toBeNull()
  })

  it('shows an answer problem from the API under its question', async () => {
    await renderQuestionnaire({
      'POST /v1/residents/me/questionnaire': problem(
        422,
        'QUESTIONNAIRE_INVALID',
        [
          {
            field: 'answers.contact',
            code: 'unknown_option',
            message: '所选选项不存在。',
          },
        ],
      ),
    })
    click('q-symptoms-no')
    click('q-travel-none')
    click('q-contact-confirmed')
    click('q-submit')
    const message = await screen.findByText('所选选项不存在。')
    expect(message.id).toBe('field-error-answers.contact')
  })

  it('loads the questions again in the new language', async () => {
    const { requests } = await renderQuestionnaire()
    act(() => document.getElementById('lang-en')?.click())
    await waitFor(() =>
      expect(
        requests.filter((request) => request.url.endsWith('/questionnaire')),
      ).toHaveLength(2),
    )
    expect(requests.at(-1)?.headers['Accept-Language']).toBe('en')
  })
})
