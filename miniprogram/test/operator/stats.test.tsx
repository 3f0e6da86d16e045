import { act, fireEvent, waitFor } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { validateStatsRange } from '../../src/operator/stats/validate'
import { json } from '../fakes'
import { renderConsole } from './fixtures'

function stats(from: string, to: string) {
  return {
    from,
    to,
    evaluatedAt: '2026-01-20T04:00:00Z',
    residents: { green: 8, yellow: 2, red: 1, unrated: 0 },
    checkins: [{ date: to, venueType: 'market', count: 5 }],
    cases: [{ date: to, confirmed: 1, suspected: 0 }],
  }
}

function type(id: string, value: string) {
  const field = document.querySelector(`#${id}`)
  if (field === null) throw new Error(`no field ${id}`)
  fireEvent.change(field, { target: { value } })
}

describe('validateStatsRange', () => {
  it('accepts 31 days', () => {
    expect(validateStatsRange('2026-01-01', '2026-01-31')).toEqual({
      kind: 'ok',
      query: { from: '2026-01-01', to: '2026-01-31' },
    })
  })

  it('rejects 32 days', () => {
    expect(validateStatsRange('2026-01-01', '2026-02-01')).toEqual({
      kind: 'invalid',
      fields: [{ field: 'to', code: 'range_too_long' }],
    })
  })

  it('rejects an end before the start', () => {
    expect(validateStatsRange('2026-01-10', '2026-01-09')).toEqual({
      kind: 'invalid',
      fields: [{ field: 'to', code: 'end_not_after_start' }],
    })
  })
})

describe('StatsSection', () => {
  it('loads the last 14 city days and draws the charts', async () => {
    const { requests } = renderConsole('stats', {
      'GET /v1/stats?from=2026-01-07&to=2026-01-20': json(
        200,
        stats('2026-01-07', '2026-01-20'),
      ),
    })
    await waitFor(() =>
      expect(document.getElementById('op-chart-colors')).not.toBeNull(),
    )
    expect(requests[0]?.url).toContain('from=2026-01-07&to=2026-01-20')
    const rows = document.querySelectorAll('#op-chart-colors [data-key]')
    expect([...rows].map((row) => row.getAttribute('data-value'))).toEqual([
      '8',
      '2',
      '1',
      '0',
    ])
    const green = document.querySelector<HTMLElement>(
      '#op-chart-colors [data-key="green"] .chart__bar',
    )
    expect(green?.style.width).toBe('100%')
    expect(
      document.querySelectorAll('#op-chart-checkins-day [data-key]'),
    ).toHaveLength(14)
    expect(
      document.querySelector('#op-chart-checkins-type [data-key="market"]')
        ?.textContent,
    ).toContain('商场、市场')
    expect(
      document
        .querySelector('#op-chart-cases [data-key="2026-01-20"]')
        ?.getAttribute('data-confirmed'),
    ).toBe('1')
  })

  it('checks the range before loading', async () => {
    const { requests } = renderConsole('stats', {
      'GET /v1/stats?from=2026-01-07&to=2026-01-20': json(
        200,
        stats('2026-01-07', '2026-01-20'),
      ),
    })
    await waitFor(() => expect(requests).toHaveLength(1))
    type('op-stats-from', '2026-01-21')
    act(() => document.getElementById('op-stats-load')?.click())
    expect(document.getElementById('field-error-to')?.textContent).toBe(
      '结束时间必须晚于开始时间。',
    )
    expect(requests).toHaveLength(1)
  })
})
