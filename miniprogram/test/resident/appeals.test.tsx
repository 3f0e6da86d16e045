import { act, fireEvent, screen, waitFor } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import AppealsPage from '../../src/resident/appeals/index'
import {
  ruleGroups,
  validateAppeal,
} from '../../src/resident/appeals/validate'
import { setRouterParams } from '../stubs/taro'
import { json, problem, renderPage, SIGNED_IN, type Routes } from '../fakes'

const PROFILE = {
  id: 'r_self',
  maskedName: '*三',
  documentType: 'mainland_id',
  maskedDocument: '33**************1X',
  city: 'hangzhou',
  language: 'zh',
}

const EXPOSURE = {
  rule: 'exposure.confirmed_case',
  color: 'red',
  since: '2026-01-17T16:00:00Z',
  until: '2026-01-31T16:00:00Z',
  text: '2026-01-18 14:00至14:45，您在西湖菜场与确诊病例同时在场',
}

const DECLARATION = {
  rule: 'questionnaire.travel',
  color: 'yellow',
  since: '2026-01-19T16:00:00Z',
  until: '2026-01-27T16:00:00Z',
  text: '申报近14天内到过湖北省武汉市',
}

const STATUS = {
  rated: true,
  color: 'red',
  until: '2026-01-31T16:00:00Z',
  reasons: [EXPOSURE, DECLARATION],
  rulesVersion: '2026-01-20.1',
  evaluatedAt: '2026-01-20T04:00:00Z',
}

function appeal(id: string, overrides: Record<string, unknown> = {}) {
  return {
    id,
    residentId: 'r_self',
    filedAt: '2026-01-20T02:00:00Z',
    status: 'pending',
    message: '当天我不在杭州',
    rules: ['exposure.confirmed_case'],
    snapshot: { color: 'red', until: STATUS.until, reasons: [EXPOSURE] },
    decision: null,
    ...overrides,
  }
}

const DECIDED = appeal('a_2', {
  status: 'rejected',
  decision: {
    decision: 'reject',
    reason: '场所记录显示您当时在场',
    rules: [],
    decidedAt: '2026-01-20T03:30:00Z',
  },
})

function appealRoutes(overrides: Routes = {}): Routes {
  return {
    'GET /v1/residents/me': json(200, PROFILE),
    'GET /v1/residents/me/status': json(200, STATUS),
    'GET /v1/residents/me/appeals': json(200, { items: [DECIDED] }),
    ...overrides,
  }
}

function typeMessage(text: string) {
  const field = document.querySelector('#appeal-message')
  if (field === null) throw new Error('no message field')
  fireEvent.change(field, { target: { value: text } })
}

describe('validateAppeal', () => {
  it('sends the trimmed message and each rule once', () => {
    const checked = validateAppeal({
      message: '  不在现场  ',
      rules: ['a.b', 'a.b', 'c.d'],
      residentId: null,
    })
    expect(checked).toEqual({
      kind: 'ok',
      request: { message: '不在现场', rules: ['a.b', 'c.d'] },
    })
  })

  it('names the dependent appealed for', () => {
    const checked = validateAppeal({
      message: '孩子当天在家',
      rules: ['a.b'],
      residentId: 'r_child',
    })
    if (checked.kind !== 'ok') throw new Error('expected a valid appeal')
    expect(checked.request.residentId).toBe('r_child')
  })

  it('requires a message and a reason', () => {
    expect(
      validateAppeal({ message: ' ', rules: [], residentId: null }),
    ).toEqual({
      kind: 'invalid',
      fields: [
        { field: 'message', code: 'required' },
        { field: 'rules', code: 'none_selected' },
      ],
    })
  })

  it('counts characters, not UTF-16 units', () => {
    const atLimit = '😷'.repeat(1000)
    const ok = validateAppeal({
      message: atLimit,
      rules: ['a.b'],
      residentId: null,
    })
    expect(ok.kind).toBe('ok')
    const over = validateAppeal({
      message: `${atLimit}x`,
      rules: ['a.b'],
      residentId: null,
    })
    expect(over).toEqual({
      kind: 'invalid',
      fields: [{ field: 'message', code: 'too_long' }],
    })
  })
})

describe('ruleGroups', () => {
  it('groups reasons of one rule in first-seen order', () => {
    const groups = ruleGroups([
      { rule: 'b.x', n: 1 },
      { rule: 'a.y', n: 2 },
      { rule: 'b.x', n: 3 },
    ])
    expect(groups.map((group) => group.rule)).toEqual(['b.x', 'a.y'])
    expect(groups[0]?.reasons.map((reason) => reason.n)).toEqual([1, 3])
  })
})

describe('AppealsPage', () => {
  it('offers every current reason, all chosen', async () => {
    renderPage(<AppealsPage />, { routes: appealRoutes(), session: SIGNED_IN })
    await waitFor(() =>
      expect(document.getElementById('appeal-rule-1')).not.toBeNull(),
    )
    const first = document.getElementById('appeal-rule-0')
    expect(first?.getAttribute('data-rule')).toBe('exposure.confirmed_case')
    expect(first?.className).toContain('choice--selected')
    expect(first?.textContent).toContain('与病例时空交集')
    expect(document.getElementById('appeal-rule-1')?.className).toContain(
      'choice--selected',
    )
  })

  it('shows the validation messages without sending', async () => {
    const { requests } = renderPage(<AppealsPage />, {
      routes: appealRoutes(),
      session: SIGNED_IN,
    })
    await waitFor(() =>
      expect(document.getElementById('appeal-rule-1')).not.toBeNull(),
    )
    act(() => document.getElementById('appeal-rule-0')?.click())
    act(() => document.getElementById('appeal-rule-1')?.click())
    act(() => document.getElementById('appeal-submit')?.click())
    expect(
      document.getElementById('field-error-message')?.textContent,
    ).toBe('请填写此项。')
    expect(document.getElementById('field-error-rules')?.textContent).toBe(
      '请至少选择一项。',
    )
    const posts = requests.filter((request) => request.method === 'POST')
    expect(posts).toEqual([])
  })

  it('posts the message and chosen rules, then lists the appeal', async () => {
    const filed = appeal('a_3', { message: '当天我不在杭州' })
    let listed = [DECIDED]
    const { requests } = renderPage(<AppealsPage />, {
      routes: appealRoutes({
        'POST /v1/residents/me/appeals': () => {
          listed = [filed, DECIDED]
          return json(201, filed)
        },
        'GET /v1/residents/me/appeals': () => json(200, { items: listed }),
      }),
      session: SIGNED_IN,
    })
    await waitFor(() =>
      expect(document.getElementById('appeal-rule-1')).not.toBeNull(),
    )

    act(() => document.getElementById('appeal-rule-1')?.click())
    typeMessage('  当天我不在杭州 ')
    await act(async () => document.getElementById('appeal-submit')?.click())

    const post = requests.find((request) => request.method === 'POST')
    expect(post?.body).toEqual({
      message: '当天我不在杭州',
      rules: ['exposure.confirmed_case'],
    })

    await waitFor(() =>
      expect(document.getElementById('appeal-item-a_3')).not.toBeNull(),
    )
    expect(document.getElementById('appeal-success')?.textContent).toBe(
      '申诉已提交，请等待工作人员审核。',
    )
    expect(
      document.getElementById('appeal-item-a_3')?.getAttribute('data-status'),
    ).toBe('pending')
    const field = document.querySelector<HTMLTextAreaElement>('#appeal-message')
    expect(field?.value).toBe('')
  })

  it('shows the status and the operator reply', async () => {
    renderPage(<AppealsPage />, { routes: appealRoutes(), session: SIGNED_IN })
    await waitFor(() =>
      expect(document.getElementById('appeal-item-a_2')).not.toBeNull(),
    )
    const item = document.getElementById('appeal-item-a_2')
    expect(item?.getAttribute('data-status')).toBe('rejected')
    expect(item?.textContent).toContain('未通过')
    expect(item?.textContent).toContain('提交时间：2026年1月20日 10:00')
    expect(document.getElementById('appeal-reply-a_2')?.textContent).toBe(
      '工作人员答复：场所记录显示您当时在场',
    )
    expect(item?.textContent).toContain('答复时间：2026年1月20日 11:30')
  })

  it('shows a rejection by the API in the banner', async () => {
    renderPage(<AppealsPage />, {
      routes: appealRoutes({
        'POST /v1/residents/me/appeals': problem(409, 'APPEAL_PENDING'),
      }),
      session: SIGNED_IN,
    })
    await waitFor(() =>
      expect(document.getElementById('appeal-rule-0')).not.toBeNull(),
    )
    typeMessage('当天我不在杭州')
    await act(async () => document.getElementById('appeal-submit')?.click())
    await waitFor(() =>
      expect(document.getElementById('error-banner')).not.toBeNull(),
    )
    expect(document.getElementById('appeal-success')).toBeNull()
  })

  it('appeals for a dependent named in the page query', async () => {
    setRouterParams({ residentId: 'r_child' })
    const child = {
      id: 'r_child',
      maskedName: '*小明',
      documentType: 'mainland_id',
      maskedDocument: '33**************12',
      relationship: 'child',
      linkedAt: '2026-01-10T02:00:00Z',
      guardianCount: 1,
      status: { ...STATUS, reasons: [DECLARATION] },
    }
    const childAppeal = appeal('a_9', { residentId: 'r_child' })
    const { requests } = renderPage(<AppealsPage />, {
      routes: appealRoutes({
        'GET /v1/residents/me/dependents': json(200, {
          items: [child],
          maxDependents: 5,
        }),
        'GET /v1/residents/me/appeals': json(200, {
          items: [DECIDED, childAppeal],
        }),
        'POST /v1/residents/me/appeals': json(201, childAppeal),
      }),
      session: SIGNED_IN,
    })

    await screen.findByText('为家人 *小明 申诉')
    expect(document.getElementById('appeal-rule-1')).toBeNull()
    expect(document.getElementById('appeal-item-a_2')).toBeNull()
    expect(
      document.getElementById('appeal-item-a_9')?.textContent,
    ).toContain('家人的申诉')

    typeMessage('孩子当天在家')
    await act(async () => document.getElementById('appeal-submit')?.click())

    const post = requests.find((request) => request.method === 'POST')
    expect(post?.body).toEqual({
      message: '孩子当天在家',
      rules: ['questionnaire.travel'],
      residentId: 'r_child',
    })
  })
})
