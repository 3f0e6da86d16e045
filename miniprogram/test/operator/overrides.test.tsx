import { act, fireEvent, waitFor } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { canApprove } from '../../src/operator/overrides/PendingRequests'
import {
  parseResidentIds,
  validateBulkOverride,
  validateOverride,
} from '../../src/operator/overrides/validate'
import { json, NOW } from '../fakes'
import { OPERATOR_ID, renderConsole } from './fixtures'

function request(id: string, requestedBy: string) {
  return {
    id,
    status: 'pending' as const,
    color: 'red' as const,
    until: '2026-02-03T16:00:00Z',
    reasonCode: 'health_authority_order' as const,
    evidenceRef: 'HZ-2026-017',
    residentIds: ['r_1', 'r_2', 'r_3'],
    requestedBy,
    requestedAt: '2026-01-20T02:00:00Z',
  }
}

const OWN = request('q_own', OPERATOR_ID)
const OTHER = request('q_other', 'acct-operator-2')

const TERMS = {
  until: '2026-02-04 00:00',
  reasonCode: 'negative_test' as const,
  evidenceRef: ' LAB-88 ',
}

function type(id: string, value: string) {
  const field = document.querySelector(`#${id}`)
  if (field === null) throw new Error(`no field ${id}`)
  fireEvent.change(field, { target: { value } })
}

describe('canApprove', () => {
  it("allows another operator's pending request", () => {
    expect(canApprove(OTHER, OPERATOR_ID)).toBe(true)
  })

  it("rejects one's own request", () => {
    expect(canApprove(OWN, OPERATOR_ID)).toBe(false)
  })

  it('rejects every request when the account is unknown', () => {
    expect(canApprove(OTHER, null)).toBe(false)
  })

  it('rejects a request already applied', () => {
    expect(canApprove({ ...OTHER, status: 'applied' }, OPERATOR_ID)).toBe(
      false,
    )
  })
})

describe('validateOverride', () => {
  it('builds the request in Beijing time', () => {
    expect(
      validateOverride(
        { ...TERMS, residentId: ' r_1 ', color: 'green' },
        NOW,
      ),
    ).toEqual({
      kind: 'ok',
      request: {
        residentId: 'r_1',
        color: 'green',
        until: '2026-02-04T00:00:00+08:00',
        reasonCode: 'negative_test',
        evidenceRef: 'LAB-88',
      },
    })
  })

  it('rejects an end that has passed', () => {
    const checked = validateOverride(
      { ...TERMS, until: '2026-01-20 11:59', residentId: 'r_1', color: 'red' },
      NOW,
    )
    expect(checked).toEqual({
      kind: 'invalid',
      fields: [{ field: 'until', code: 'not_in_future' }],
    })
  })

  it('requires every field', () => {
    const checked = validateOverride(
      {
        residentId: '',
        color: null,
        until: '',
        reasonCode: null,
        evidenceRef: '',
      },
      NOW,
    )
    if (checked.kind !== 'invalid') throw new Error('expected problems')
    expect(checked.fields).toEqual([
      { field: 'residentId', code: 'required' },
      { field: 'color', code: 'none_selected' },
      { field: 'until', code: 'required' },
      { field: 'reasonCode', code: 'none_selected' },
      { field: 'evidenceRef', code: 'required' },
    ])
  })
})

describe('parseResidentIds', () => {
  it('splits at lines, spaces and commas and drops repeats', () => {
    expect(parseResidentIds('r_1\nr_2, r_3;r_1\n\n')).toEqual([
      'r_1',
      'r_2',
      'r_3',
    ])
  })
})

describe('validateBulkOverride', () => {
  it('rejects more ids than one request takes', () => {
    const ids = Array.from({ length: 1001 }, (_, index) => `r_${index}`)
    const checked = validateBulkOverride(
      { ...TERMS, residentIds: ids.join('\n'), color: 'red' },
      NOW,
    )
    expect(checked).toEqual({
      kind: 'invalid',
      fields: [{ field: 'residentIds', code: 'too_many_ids' }],
    })
  })
})

describe('OverrideSection', () => {
  const routes = {
    'GET /v1/override-requests': json(200, { items: [OWN, OTHER] }),
  }

  it("disables approval of one's own bulk request", async () => {
    renderConsole('overrides', routes)
    await waitFor(() =>
      expect(document.getElementById('op-request-q_own')).not.toBeNull(),
    )
    const own = document.getElementById('op-request-q_own')
    expect(own?.getAttribute('data-own')).toBe('true')
    expect(
      document.getElementById('op-request-approve-q_own')?.hasAttribute(
        'disabled',
      ),
    ).toBe(true)
    expect(document.getElementById('op-request-own-q_own')?.textContent).toBe(
      '这是您提交的申请，须由另一位工作人员批准。',
    )
    expect(
      document.getElementById('op-request-approve-q_other')?.hasAttribute(
        'disabled',
      ),
    ).toBe(false)
    expect(document.getElementById('op-request-own-q_other')).toBeNull()
  })

  it("approves another operator's request and shows the counts", async () => {
    const applied = {
      ...OTHER,
      status: 'applied',
      approvedBy: OPERATOR_ID,
      approvedAt: '2026-01-20T04:00:00Z',
      result: { changed: 2, unchanged: 0, notFound: 1 },
    }
    const { requests } = renderConsole('overrides', {
      ...routes,
      'POST /v1/override-requests/q_other/approve': json(200, applied),
    })
    await waitFor(() =>
      expect(document.getElementById('op-request-q_other')).not.toBeNull(),
    )
    await act(async () =>
      document.getElementById('op-request-approve-q_other')?.click(),
    )
    expect(requests.at(-1)?.method).toBe('POST')
    await waitFor(() =>
      expect(document.getElementById('op-request-result')?.textContent).toBe(
        '已批准并执行：2 人已调整，0 人未变化，1 人未找到。',
      ),
    )
    expect(document.getElementById('op-request-q_other')).toBeNull()
  })

  it('sets one color and shows before and after', async () => {
    const { requests } = renderConsole('overrides', {
      ...routes,
      'POST /v1/overrides': json(200, {
        residentId: 'r_5',
        before: 'red',
        after: 'green',
      }),
    })
    type('op-override-resident', 'r_5')
    act(() => document.getElementById('op-override-color-green')?.click())
    type('op-override-until', '2026-02-04 00:00')
    act(() =>
      document.getElementById('op-override-reason-negative_test')?.click(),
    )
    type('op-override-evidence', 'LAB-88')
    await act(async () =>
      document.getElementById('op-override-submit')?.click(),
    )
    const post = requests.find((entry) => entry.url.endsWith('/v1/overrides'))
    expect(post?.body).toEqual({
      residentId: 'r_5',
      color: 'green',
      until: '2026-02-04T00:00:00+08:00',
      reasonCode: 'negative_test',
      evidenceRef: 'LAB-88',
    })
    await waitFor(() =>
      expect(document.getElementById('op-override-result')?.textContent).toBe(
        '居民 r_5 的颜色：红码 → 绿码。',
      ),
    )
  })

  it('lists a new bulk request as not approvable', async () => {
    const created = request('q_new', OPERATOR_ID)
    renderConsole('overrides', {
      ...routes,
      'POST /v1/overrides/bulk': json(201, created),
    })
    type('op-bulk-residents', 'r_1\nr_2\nr_3')
    act(() => document.getElementById('op-bulk-color-red')?.click())
    type('op-bulk-until', '2026-02-04 00:00')
    act(() =>
      document
        .getElementById('op-bulk-reason-health_authority_order')
        ?.click(),
    )
    type('op-bulk-evidence', 'HZ-2026-017')
    await act(async () => document.getElementById('op-bulk-submit')?.click())
    await waitFor(() =>
      expect(document.getElementById('op-request-q_new')).not.toBeNull(),
    )
    expect(
      document.getElementById('op-request-approve-q_new')?.hasAttribute(
        'disabled',
      ),
    ).toBe(true)
    expect(document.getElementById('op-bulk-result')?.textContent).toContain(
      '涉及 3 人',
    )
  })
})
