import { act } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { CheckinResponse } from '../../src/contract'
import PassPage from '../../src/pages/pass/index'
import { savePass } from '../../src/pass/storedPass'
import { memoryStore, renderPage, SIGNED_IN } from '../fakes'
import { decode } from '../qr/raster'
import { canvasContexts } from '../stubs/taro'

// 04:00 UTC is 12:00 in Shanghai and 20:00 of the day before in Los
// Angeles, the zone the tests run in.
const CHECKED_IN_AT = '2026-01-20T04:00:00Z'

function response(
  color: 'green' | 'red' | null,
  venueName = '西湖银泰',
): CheckinResponse {
  return {
    checkin: {
      id: 'c_01',
      venueId: 'v_01',
      venueName,
      venueType: 'market',
      at: CHECKED_IN_AT,
      flags: [],
      source: 'scan',
    },
    pass: { token: 'pass-token-1', expiresAt: '2026-01-20T04:01:00Z', color },
  }
}

// Renders the pass page with a pass received at `receivedAt` by the device
// clock, which follows the fake timers.
function renderPass(stored: CheckinResponse, receivedAt: string) {
  const store = memoryStore()
  savePass(store, stored, new Date(receivedAt))
  return renderPage(<PassPage />, {
    routes: {},
    session: SIGNED_IN,
    store,
    clock: () => new Date(),
  })
}

function text(id: string) {
  return document.getElementById(id)?.textContent
}

afterEach(() => {
  vi.useRealTimers()
})

describe('PassPage', () => {
  it('shows the color, venue and check-in time', () => {
    vi.useFakeTimers({ now: new Date('2026-01-20T04:00:05Z') })
    renderPass(response('green'), '2026-01-20T04:00:00Z')
    expect(document.getElementById('pass-color')?.dataset.color).toBe('green')
    expect(text('pass-color')).toBe('绿码')
    expect(text('pass-venue')).toBe('西湖银泰')
    expect(text('pass-time')).toBe('登记时间：2026年1月20日 12:00')
  })

  it('says the guard checks a hidden color', () => {
    vi.useFakeTimers({ now: new Date('2026-01-20T04:00:05Z') })
    renderPass(response(null), '2026-01-20T04:00:00Z')
    const block = document.getElementById('pass-color')
    expect(block?.dataset.color).toBe('hidden')
    expect(block?.textContent).toContain('不显示颜色')
    expect(block?.textContent).toContain('查验人员扫码时核验')
    expect(block?.textContent).not.toContain('绿码')
  })

  it('shows venue names with markup as text', () => {
    vi.useFakeTimers({ now: new Date('2026-01-20T04:00:05Z') })
    const name = '<img src=x onerror=alert(1)>=HYPERLINK("x")+@-'
    renderPass(response('green', name), '2026-01-20T04:00:00Z')
    const venue = document.getElementById('pass-venue')
    expect(venue?.textContent).toBe(name)
    expect(venue?.querySelector('img')).toBeNull()
    expect(document.querySelector('img')).toBeNull()
  })

  it('draws the pass token as a QR code', async () => {
    vi.useFakeTimers({ now: new Date('2026-01-20T04:00:05Z') })
    renderPass(response('green'), '2026-01-20T04:00:00Z')
    await act(() => vi.advanceTimersByTimeAsync(10))
    const frames = canvasContexts.get('pass-qr')?.frames ?? []
    expect(frames).toHaveLength(1)
    expect(decode(frames[0] ?? [], 240)).toBe('pass-token-1')
  })

  it('runs a clock with seconds in city time', async () => {
    vi.useFakeTimers({ now: new Date('2026-01-20T04:00:05Z') })
    renderPass(response('green'), '2026-01-20T04:00:00Z')
    expect(text('pass-live')).toBe('当前时间 12:00:05')
    await act(() => vi.advanceTimersByTimeAsync(2000))
    expect(text('pass-live')).toBe('当前时间 12:00:07')
  })

  it('counts down from arrival, whatever the device clock', async () => {
    // The device clock is an hour behind: the pass arrived at 03:00:00 by
    // it, and lives the 60 s from check-in to expiry.
    vi.useFakeTimers({ now: new Date('2026-01-20T03:00:20Z') })
    renderPass(response('green'), '2026-01-20T03:00:00Z')
    expect(text('pass-expires')).toBe('40 秒后失效')
    await act(() => vi.advanceTimersByTimeAsync(10_000))
    expect(text('pass-expires')).toBe('30 秒后失效')
  })

  it('says when the pass has expired', async () => {
    vi.useFakeTimers({ now: new Date('2026-01-20T04:00:58Z') })
    renderPass(response('green'), '2026-01-20T04:00:00Z')
    expect(document.getElementById('pass-scan-again')).toBeNull()
    await act(() => vi.advanceTimersByTimeAsync(2000))
    const expires = document.getElementById('pass-expires')
    expect(expires?.textContent).toBe('通行码已失效。请重新扫描场所码。')
    expect(expires?.dataset.expired).toBe('true')
    expect(document.getElementById('pass-qr')).toBeNull()
    expect(document.getElementById('pass-color')?.className).toContain(
      'color-block--expired',
    )
  })

  it('offers to scan again once expired', () => {
    vi.useFakeTimers({ now: new Date('2026-01-20T04:02:00Z') })
    const { routes } = renderPass(response('green'), '2026-01-20T04:00:00Z')
    act(() => document.getElementById('pass-scan-again')?.click())
    expect(routes).toEqual(['replace:checkin'])
  })

  it('asks for a scan when there is no pass', () => {
    renderPage(<PassPage />, { routes: {}, session: SIGNED_IN })
    expect(text('pass-missing')).toBe('没有可出示的通行码。请先扫描场所码。')
    expect(document.getElementById('pass-qr')).toBeNull()
  })
})
