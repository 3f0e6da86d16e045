import { act, fireEvent, waitFor } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { json } from '../fakes'
import { renderConsole } from './fixtures'

const PENDING = {
  id: 'a_1',
  residentId: 'r_1',
  maskedName: '*雷',
  filedAt: '2026-01-20T02:00:00Z',
  status: 'pending',
  message: '当天我不在杭州',
  rules: ['exposure.confirmed_case'],
  snapshot: {
    color: 'red',
    until: '2026-01-31T16:00:00Z',
    reasons: [
      {
        rule: 'exposure.confirmed_case',
        color: 'red',
        since: '2026-01-17T16:00:00Z',
        until: '2026-01-31T16:00:00Z',
        text: '2026-01-18 14:00至14:45，您在西湖菜场与确诊病例同时在场',
      },
    ],
  },
  decision: null,
}

const LIST = 'GET /v1/appeals?status=pending'

describe('AppealReviewSection', () => {
  it('lists pending appeals with their reasons', async () => {
    renderConsole('appeals', {
      [LIST]: json(200, { items: [PENDING], nextCursor: null }),
    })
    await waitFor(() =>
      expect(document.getElementById('op-appeal-a_1')).not.toBeNull(),
    )
    const item = document.getElementById('op-appeal-a_1')
    expect(item?.getAttribute('data-status')).toBe('pending')
    expect(item?.textContent).toContain('*雷')
    expect(item?.textContent).toContain('居民说明：当天我不在杭州')
    expect(
      document.getElementById('op-appeal-a_1-reason-0')?.textContent,
    ).toContain('西湖菜场')
  })

  it('requires a reason for a decision', async () => {
    const { requests } = renderConsole('appeals', {
      [LIST]: json(200, { items: [PENDING], nextCursor: null }),
    })
    await waitFor(() =>
      expect(document.getElementById('op-appeal-a_1')).not.toBeNull(),
    )
    act(() => document.getElementById('op-appeal-approve-a_1')?.click())
    expect(document.getElementById('field-error-reason')?.textContent).toBe(
      '请填写此项。',
    )
    expect(requests.filter((entry) => entry.method === 'POST')).toEqual([])
  })

  it('rejects with a reason and removes the appeal', async () => {
    const rejected = {
      ...PENDING,
      status: 'rejected',
      decision: {
        decision: 'reject',
        reason: '场所记录显示您当时在场',
        rules: [],
        decidedAt: '2026-01-20T04:00:00Z',
      },
    }
    const { requests } = renderConsole('appeals', {
      [LIST]: json(200, { items: [PENDING], nextCursor: null }),
      'POST /v1/appeals/a_1/decision': json(200, rejected),
    })
    await waitFor(() =>
      expect(document.getElementById('op-appeal-a_1')).not.toBeNull(),
    )
    const field = document.querySelector('#op-appeal-reason')
    if (field === null) throw new Error('no reason field')
    fireEvent.change(field, { target: { value: '场所记录显示您当时在场' } })
    await act(async () =>
      document.getElementById('op-appeal-reject-a_1')?.click(),
    )
    const post = requests.find((entry) => entry.method === 'POST')
    expect(post?.body).toEqual({
      decision: 'reject',
      reason: '场所记录显示您当时在场',
    })
    await waitFor(() =>
      expect(document.getElementById('op-appeal-a_1')).toBeNull(),
    )
    expect(document.getElementById('op-appeal-result')?.textContent).toBe(
      '已驳回 *雷 的申诉。',
    )
  })
})
