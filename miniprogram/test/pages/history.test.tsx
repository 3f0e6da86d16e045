import { screen, waitFor } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import HistoryPage from '../../src/pages/history/index'
import { json, problem, renderPage, SIGNED_IN } from '../fakes'

function checkin(id: string, overrides: Record<string, unknown> = {}) {
  return {
    id,
    venueId: 'v_01',
    venueName: '西湖银泰',
    venueType: 'market',
    // 16:30 UTC is 00:30 of the next day in Shanghai.
    at: '2026-01-19T16:30:00Z',
    flags: [],
    source: 'scan',
    ...overrides,
  }
}

function renderHistory(items: unknown[]) {
  return renderPage(<HistoryPage />, {
    routes: { 'GET /v1/residents/me/checkins': json(200, { items }) },
    session: SIGNED_IN,
  })
}

function item(id: string) {
  return document.getElementById(`history-item-${id}`)
}

describe('HistoryPage', () => {
  it('lists venue and time in Shanghai time', async () => {
    renderHistory([checkin('c_01')])
    await waitFor(() => expect(item('c_01')).not.toBeNull())
    expect(item('c_01')?.textContent).toContain('西湖银泰')
    expect(item('c_01')?.textContent).toContain('2026年1月20日 00:30')
    expect(item('c_01')?.textContent).toContain('本人扫码登记')
  })

  it('explains each flag in words', async () => {
    renderHistory([
      checkin('c_02', { flags: ['implausible_travel', 'client_clock_skew'] }),
    ])
    await waitFor(() => expect(item('c_02')).not.toBeNull())
    const flags = item('c_02')?.querySelectorAll('[data-flag]') ?? []
    expect(Array.from(flags, (flag) => flag.textContent)).toEqual([
      '待核查：与上一次登记的场所相距太远，按间隔时间无法到达。',
      '待核查：登记时手机时间与服务器时间相差过大。',
    ])
    expect(screen.getByText('待核查标记不会改变健康码颜色。')).toBeTruthy()
  })

  it('shows no flag note without flags', async () => {
    renderHistory([checkin('c_01')])
    await waitFor(() => expect(item('c_01')).not.toBeNull())
    expect(item('c_01')?.querySelectorAll('[data-flag]')).toHaveLength(0)
    expect(screen.queryByText('待核查标记不会改变健康码颜色。')).toBeNull()
  })

  it('words check-ins made by a guard', async () => {
    renderHistory([checkin('c_03', { source: 'manual' })])
    await waitFor(() =>
      expect(item('c_03')?.textContent).toContain('查验人员按证件登记'),
    )
  })

  it('shows venue names with markup as text', async () => {
    const name = '<b>=SUM(A1)</b>+@cmd'
    renderHistory([checkin('c_04', { venueName: name })])
    await waitFor(() => expect(item('c_04')).not.toBeNull())
    const venue = item('c_04')?.querySelector('.history-item__venue')
    expect(venue?.textContent).toBe(name)
    expect(document.querySelector('#history-list b')).toBeNull()
  })

  it('says when there are no check-ins', async () => {
    renderHistory([])
    expect(await screen.findByText('暂无到访记录')).toBeTruthy()
  })

  it('signs out when the session has expired', async () => {
    const { routes } = renderPage(<HistoryPage />, {
      routes: {
        'GET /v1/residents/me/checkins': problem(401, 'AUTH_TOKEN_EXPIRED'),
      },
      session: SIGNED_IN,
    })
    await waitFor(() => expect(routes).toEqual(['login']))
  })
})
