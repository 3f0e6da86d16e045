import { act, fireEvent, screen, waitFor } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import DependentCodePage from '../../src/resident/dependent-code/index'
import HouseholdPage from '../../src/resident/household/index'
import { validateDependent } from '../../src/resident/household/validate'
import { canvasContexts, setRouterParams } from '../stubs/taro'
import { decode } from '../qr/raster'
import {
  json,
  NOW,
  problem,
  renderPage,
  SIGNED_IN,
  type Routes,
} from '../fakes'

const CITY = {
  id: 'hangzhou',
  name: '杭州',
  timeZone: 'Asia/Shanghai',
  acceptedDocuments: ['mainland_id', 'passport'],
  eligibility: 'open',
}

// The co-resident reason of a household case, as the API words it.
const HOUSEHOLD_REASON = {
  rule: 'household.case',
  color: 'yellow',
  since: '2026-01-19T16:00:00Z',
  until: '2026-01-27T16:00:00Z',
  text: '您的同住家庭成员于2026-01-20被报告为病例',
}

function dependent(id: string, status: unknown, name = '*小明') {
  return {
    id,
    maskedName: name,
    documentType: 'mainland_id',
    maskedDocument: '33**************12',
    relationship: 'child',
    linkedAt: '2026-01-10T02:00:00Z',
    guardianCount: 2,
    status,
  }
}

const YELLOW_CHILD = dependent('d_1', {
  rated: true,
  color: 'yellow',
  until: '2026-01-27T16:00:00Z',
  reasons: [HOUSEHOLD_REASON],
  rulesVersion: '2026-01-20.1',
  evaluatedAt: '2026-01-20T04:00:00Z',
})

const UNRATED_GRANDMOTHER = dependent('d_2', { rated: false }, '*奶奶')

const HOUSEHOLD = {
  id: 'h_1',
  members: [
    {
      id: 'r_self',
      maskedName: '*三',
      kind: 'adult',
      self: true,
      color: 'yellow',
      until: '2026-01-27T16:00:00Z',
      reasons: [HOUSEHOLD_REASON],
    },
  ],
  invitation: null,
}

function householdRoutes(overrides: Routes = {}): Routes {
  return {
    'GET /v1/city': json(200, CITY),
    'GET /v1/residents/me/dependents': json(200, {
      items: [YELLOW_CHILD, UNRATED_GRANDMOTHER],
      maxDependents: 5,
    }),
    'GET /v1/residents/me/household': json(200, HOUSEHOLD),
    ...overrides,
  }
}

function type(id: string, value: string) {
  const field = document.querySelector(`#${id}`)
  if (field === null) throw new Error(`no field ${id}`)
  fireEvent.change(field, { target: { value } })
}

describe('validateDependent', () => {
  const form = {
    name: ' 李小明 ',
    documentType: 'mainland_id' as const,
    number: '110105202003071233',
    country: '',
    relationship: 'child' as const,
  }

  it('builds the request like registration', () => {
    expect(validateDependent(form, NOW)).toEqual({
      kind: 'ok',
      request: {
        name: '李小明',
        document: { type: 'mainland_id', number: '110105202003071233' },
        relationship: 'child',
      },
    })
  })

  it('requires a relationship', () => {
    expect(validateDependent({ ...form, relationship: null }, NOW)).toEqual({
      kind: 'invalid',
      fields: [{ field: 'relationship', code: 'none_selected' }],
    })
  })

  it('rejects a wrong check character', () => {
    const checked = validateDependent(
      { ...form, number: '110105202003071234' },
      NOW,
    )
    expect(checked).toEqual({
      kind: 'invalid',
      fields: [{ field: 'document.number', code: 'ID_CHECKSUM_INVALID' }],
    })
  })
})

describe('HouseholdPage', () => {
  it('lists each dependent with color and reasons', async () => {
    renderPage(<HouseholdPage />, {
      routes: householdRoutes(),
      session: SIGNED_IN,
    })
    await waitFor(() =>
      expect(document.getElementById('dep-item-d_1')).not.toBeNull(),
    )
    const child = document.getElementById('dep-item-d_1')
    expect(child?.getAttribute('data-color')).toBe('yellow')
    expect(child?.textContent).toContain('*小明')
    expect(child?.textContent).toContain('黄码')
    expect(child?.textContent).toContain('子女')
    expect(child?.textContent).toContain(
      '预计转为绿码时间：2026年1月28日 00:00（北京时间）',
    )
    const reason = document.getElementById('dep-d_1-reason-0')
    expect(reason?.textContent).toContain(HOUSEHOLD_REASON.text)
    expect(reason?.querySelector('.reason__kind')?.textContent).toBe(
      '同住家庭成员为病例',
    )
    expect(reason?.querySelector('.reason__note')?.textContent).toContain(
      '这里不会显示是哪位成员',
    )
  })

  it('marks a dependent without a declaration', async () => {
    renderPage(<HouseholdPage />, {
      routes: householdRoutes(),
      session: SIGNED_IN,
    })
    await waitFor(() =>
      expect(document.getElementById('dep-item-d_2')).not.toBeNull(),
    )
    const grandmother = document.getElementById('dep-item-d_2')
    expect(grandmother?.getAttribute('data-color')).toBe('none')
    expect(grandmother?.textContent).toContain('尚未申报')
    expect(document.getElementById('dep-appeal-d_2')).toBeNull()
  })

  it('opens the code, questionnaire and appeal of a dependent', async () => {
    const { routes } = renderPage(<HouseholdPage />, {
      routes: householdRoutes(),
      session: SIGNED_IN,
    })
    await waitFor(() =>
      expect(document.getElementById('dep-item-d_1')).not.toBeNull(),
    )
    act(() => document.getElementById('dep-show-code-d_1')?.click())
    act(() => document.getElementById('dep-answer-d_2')?.click())
    act(() => document.getElementById('dep-appeal-d_1')?.click())
    expect(routes).toEqual([
      'open:dependentCode?id=d_1',
      'open:dependentQuestionnaire?id=d_2',
      'open:appeals?residentId=d_1',
    ])
  })

  it('offers only the documents the city accepts', async () => {
    renderPage(<HouseholdPage />, {
      routes: householdRoutes(),
      session: SIGNED_IN,
    })
    await waitFor(() =>
      expect(document.getElementById('dep-doc-residence_permit')).toBeNull(),
    )
    expect(document.getElementById('dep-doc-passport')).not.toBeNull()
  })

  it('adds a dependent and lists them', async () => {
    const added = dependent('d_3', { rated: false }, '*小红')
    let items: unknown[] = [YELLOW_CHILD]
    const { requests } = renderPage(<HouseholdPage />, {
      routes: householdRoutes({
        'GET /v1/residents/me/dependents': () =>
          json(200, { items, maxDependents: 5 }),
        'POST /v1/residents/me/dependents': () => {
          items = [YELLOW_CHILD, added]
          return json(201, added)
        },
      }),
      session: SIGNED_IN,
    })
    await waitFor(() =>
      expect(document.getElementById('dep-item-d_1')).not.toBeNull(),
    )

    type('dep-name', '李小红')
    type('dep-number', '110105202003071233')
    act(() => document.getElementById('dep-relationship-child')?.click())
    await act(async () => document.getElementById('dep-submit')?.click())

    const post = requests.find((request) => request.method === 'POST')
    expect(post?.body).toEqual({
      name: '李小红',
      document: { type: 'mainland_id', number: '110105202003071233' },
      relationship: 'child',
    })

    await waitFor(() =>
      expect(document.getElementById('dep-item-d_3')).not.toBeNull(),
    )
    expect(document.getElementById('household-message')?.textContent).toBe(
      '已添加 *小红。请代为填写健康申报。',
    )
  })

  it('shows field messages before sending', async () => {
    const { requests } = renderPage(<HouseholdPage />, {
      routes: householdRoutes(),
      session: SIGNED_IN,
    })
    await waitFor(() =>
      expect(document.getElementById('dep-submit')).not.toBeNull(),
    )
    act(() => document.getElementById('dep-submit')?.click())
    expect(
      document.getElementById('field-error-relationship')?.textContent,
    ).toBe('请至少选择一项。')
    expect(document.getElementById('field-error-name')).not.toBeNull()
    expect(requests.some((request) => request.method === 'POST')).toBe(false)
  })

  it('offers to become a guardian of a registered dependent', async () => {
    const { requests } = renderPage(<HouseholdPage />, {
      routes: householdRoutes({
        'POST /v1/residents/me/dependents': problem(
          409,
          'DEPENDENT_ALREADY_REGISTERED',
        ),
        'POST /v1/residents/me/dependents/link': json(200, YELLOW_CHILD),
      }),
      session: SIGNED_IN,
    })
    await waitFor(() =>
      expect(document.getElementById('dep-submit')).not.toBeNull(),
    )
    type('dep-name', '李小明')
    type('dep-number', '110105202003071233')
    act(() => document.getElementById('dep-relationship-grandparent')?.click())
    await act(async () => document.getElementById('dep-submit')?.click())
    await waitFor(() =>
      expect(document.getElementById('dep-link')).not.toBeNull(),
    )
    await act(async () => document.getElementById('dep-link')?.click())
    const link = requests.find((request) =>
      request.url.endsWith('/dependents/link'),
    )
    expect(link?.body).toEqual({
      document: { type: 'mainland_id', number: '110105202003071233' },
      relationship: 'grandparent',
    })
    await waitFor(() =>
      expect(document.getElementById('household-message')?.textContent).toBe(
        '您已成为 *小明 的监护人。',
      ),
    )
  })

  it('shows household members with the household note', async () => {
    renderPage(<HouseholdPage />, {
      routes: householdRoutes(),
      session: SIGNED_IN,
    })
    await waitFor(() =>
      expect(document.getElementById('hh-member-r_self')).not.toBeNull(),
    )
    const self = document.getElementById('hh-member-r_self')
    expect(self?.getAttribute('data-color')).toBe('yellow')
    expect(self?.textContent).toContain('*三 (本人)')
    expect(
      document.querySelector('#hh-r_self-reason-0 .reason__note'),
    ).not.toBeNull()
  })

  it('invites an adult by phone', async () => {
    const { requests } = renderPage(<HouseholdPage />, {
      routes: householdRoutes({
        'POST /v1/residents/me/household': json(200, {
          expiresAt: '2026-01-21T04:00:00Z',
        }),
      }),
      session: SIGNED_IN,
    })
    await waitFor(() =>
      expect(document.getElementById('hh-invite')).not.toBeNull(),
    )
    type('hh-phone', '13800000004')
    await act(async () => document.getElementById('hh-invite')?.click())
    const post = requests.find((request) => request.method === 'POST')
    expect(post?.body).toEqual({ phone: '+8613800000004' })
    await waitFor(() =>
      expect(
        document.getElementById('household-message')?.textContent,
      ).toContain('有效期至 2026年1月21日 12:00'),
    )
  })

  it('accepts an invitation', async () => {
    const invited = {
      ...HOUSEHOLD,
      invitation: {
        fromMaskedName: '*四',
        expiresAt: '2026-01-21T04:00:00Z',
      },
    }
    const { requests } = renderPage(<HouseholdPage />, {
      routes: householdRoutes({
        'GET /v1/residents/me/household': json(200, invited),
        'POST /v1/residents/me/household/accept': json(200, HOUSEHOLD),
      }),
      session: SIGNED_IN,
    })
    await screen.findByText(/\*四 邀请您加入其家庭/)
    await act(async () => document.getElementById('hh-accept')?.click())
    expect(
      requests.some((request) =>
        request.url.endsWith('/household/accept'),
      ),
    ).toBe(true)
    await waitFor(() =>
      expect(document.getElementById('household-message')?.textContent).toBe(
        '您已加入该家庭。',
      ),
    )
  })
})

describe('DependentCodePage', () => {
  it("draws the dependent's code for the guard", async () => {
    setRouterParams({ id: 'd_1' })
    renderPage(<DependentCodePage />, {
      routes: {
        'GET /v1/residents/me/dependents': json(200, {
          items: [YELLOW_CHILD],
          maxDependents: 5,
        }),
        'GET /v1/residents/me/dependents/d_1/code': json(200, {
          token: 'dependent-token-1',
          color: 'yellow',
          expiresAt: '2026-01-20T04:01:00Z',
          refreshAfterSeconds: 30,
        }),
      },
      session: SIGNED_IN,
    })
    await screen.findByText('*小明 的健康码')
    await waitFor(() =>
      expect(canvasContexts.get('dep-code-d_1')?.frames).toHaveLength(1),
    )
    const frame = canvasContexts.get('dep-code-d_1')?.frames[0] ?? []
    expect(decode(frame, 280)).toBe('dependent-token-1')
    expect(
      document.getElementById('dep-code-color')?.getAttribute('data-color'),
    ).toBe('yellow')
  })

  it('says when the dependent is unknown', async () => {
    setRouterParams({ id: 'd_404' })
    renderPage(<DependentCodePage />, {
      routes: {
        'GET /v1/residents/me/dependents': json(200, {
          items: [YELLOW_CHILD],
          maxDependents: 5,
        }),
      },
      session: SIGNED_IN,
    })
    await screen.findByText('找不到这位被监护人。')
  })
})
