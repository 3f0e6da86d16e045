import { act, screen, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import HomePage from '../../src/pages/home/index'
import { canvasContexts, hidePage } from '../stubs/taro'
import { json, problem, renderPage, SIGNED_IN, type Routes } from '../fakes'
import { decode } from '../qr/raster'

const PROFILE = {
  id: 'r_01',
  maskedName: '*三',
  documentType: 'mainland_id',
  maskedDocument: '33**************1X',
  city: 'hangzhou',
  language: 'zh',
}

// 16:00 UTC is midnight of the next day in Shanghai and 08:00 of the same
// day in Los Angeles, the zone the tests run in.
const YELLOW = {
  rated: true,
  color: 'yellow',
  until: '2026-01-27T16:00:00Z',
  reasons: [
    {
      rule: 'travel.wuhan',
      color: 'yellow',
      since: '2026-01-20T04:00:00Z',
      until: '2026-01-27T16:00:00Z',
      text: '申报近14天内到过湖北省武汉市',
    },
  ],
  rulesVersion: '2026-01-20.1',
  evaluatedAt: '2026-01-20T04:00:00Z',
}

function codeBody(token: string) {
  return {
    token,
    color: 'yellow',
    expiresAt: '2026-01-20T04:01:00Z',
    refreshAfterSeconds: 30,
  }
}

function homeRoutes(overrides: Routes = {}): Routes {
  return {
    'GET /v1/residents/me': json(200, PROFILE),
    'GET /v1/residents/me/status': json(200, YELLOW),
    'GET /v1/residents/me/code': json(200, codeBody('code-token-1')),
    ...overrides,
  }
}

function codeRequests(requests: { url: string }[]) {
  return requests.filter((request) => request.url.endsWith('/me/code'))
}

afterEach(() => {
  vi.useRealTimers()
})

describe('HomePage', () => {
  it('shows the color as a block with its name', async () => {
    renderPage(<HomePage />, { routes: homeRoutes(), session: SIGNED_IN })
    const block = await screen.findByText('黄码')
    expect(document.getElementById('home-color')).toBe(
      block.closest('#home-color'),
    )
    expect(
      document.getElementById('home-color')?.getAttribute('data-color'),
    ).toBe('yellow')
  })

  it('shows the masked name', async () => {
    renderPage(<HomePage />, { routes: homeRoutes(), session: SIGNED_IN })
    await waitFor(() =>
      expect(document.getElementById('home-name')?.textContent).toBe('*三'),
    )
  })

  it('shows the time the code turns green in Shanghai time', async () => {
    renderPage(<HomePage />, { routes: homeRoutes(), session: SIGNED_IN })
    await waitFor(() =>
      expect(document.getElementById('home-until')?.textContent).toBe(
        '预计转为绿码时间：2026年1月28日 00:00（北京时间）',
      ),
    )
  })

  it('shows the reasons from the server', async () => {
    renderPage(<HomePage />, { routes: homeRoutes(), session: SIGNED_IN })
    await waitFor(() => {
      const reasons = document.getElementById('home-reasons')
      expect(reasons?.textContent).toContain('申报近14天内到过湖北省武汉市')
      expect(reasons?.textContent).toContain('持续至 2026年1月28日 00:00')
    })
  })

  it('words the time in English after a language switch', async () => {
    const { requests } = renderPage(<HomePage />, {
      routes: homeRoutes(),
      session: SIGNED_IN,
    })
    await screen.findByText('黄码')
    act(() => document.getElementById('lang-en')?.click())
    await screen.findByText('Yellow code')
    expect(document.getElementById('home-until')?.textContent).toBe(
      'Expected to turn green at 2026-01-28 00:00 (Beijing time)',
    )
    const statusRequests = requests.filter((request) =>
      request.url.endsWith('/me/status'),
    )
    expect(statusRequests.at(-1)?.headers['Accept-Language']).toBe('en')
  })

  it('says a green code has no restrictions', async () => {
    const green = { ...YELLOW, color: 'green', until: null, reasons: [] }
    renderPage(<HomePage />, {
      routes: homeRoutes({ 'GET /v1/residents/me/status': json(200, green) }),
      session: SIGNED_IN,
    })
    await screen.findByText('绿码')
    expect(document.getElementById('home-until')?.textContent).toBe(
      '绿码，可正常通行',
    )
    expect(document.getElementById('home-reasons')?.textContent).toContain(
      '没有影响健康码颜色的记录',
    )
    expect(document.getElementById('home-appeal')).toBeNull()
  })

  it('says when no change is scheduled for a red code', async () => {
    const red = { ...YELLOW, color: 'red', until: null }
    renderPage(<HomePage />, {
      routes: homeRoutes({ 'GET /v1/residents/me/status': json(200, red) }),
      session: SIGNED_IN,
    })
    await screen.findByText('红码')
    expect(document.getElementById('home-until')?.textContent).toBe(
      '颜色暂无预定变更时间',
    )
  })

  it('titles each reason by its kind with since and until', async () => {
    renderPage(<HomePage />, { routes: homeRoutes(), session: SIGNED_IN })
    await screen.findByText('黄码')
    const reason = document.getElementById('reason-0')
    expect(reason?.getAttribute('data-rule')).toBe('travel.wuhan')
    expect(reason?.getAttribute('data-color')).toBe('yellow')
    expect(reason?.querySelector('.reason__kind')?.textContent).toBe(
      '其他记录',
    )
    expect(reason?.querySelector('.reason__since')?.textContent).toBe(
      '起始时间：2026年1月20日 12:00',
    )
    expect(reason?.querySelector('.reason__until')?.textContent).toBe(
      '持续至 2026年1月28日 00:00',
    )
  })

  it('explains a color from a household member', async () => {
    const household = {
      ...YELLOW,
      reasons: [
        {
          rule: 'household.case',
          color: 'yellow',
          since: '2026-01-19T16:00:00Z',
          until: '2026-01-27T16:00:00Z',
          text: '您的同住家庭成员于2026-01-20被报告为病例',
        },
        {
          rule: 'exposure.risk_venue',
          color: 'yellow',
          since: '2026-01-18T16:00:00Z',
          until: '2026-01-26T16:00:00Z',
          text: '2026-01-19 14:00至15:00，您在西湖菜场，该场所在此期间被列为风险场所',
        },
      ],
    }
    renderPage(<HomePage />, {
      routes: homeRoutes({
        'GET /v1/residents/me/status': json(200, household),
      }),
      session: SIGNED_IN,
    })
    await screen.findByText('黄码')
    const first = document.getElementById('reason-0')
    expect(first?.querySelector('.reason__kind')?.textContent).toBe(
      '同住家庭成员为病例',
    )
    expect(first?.querySelector('.reason__note')?.textContent).toContain(
      '一位同住成员被报告为病例',
    )
    const second = document.getElementById('reason-1')
    expect(second?.querySelector('.reason__kind')?.textContent).toBe(
      '到过风险场所',
    )
    expect(second?.textContent).toContain('西湖菜场')
    expect(second?.querySelector('.reason__note')).toBeNull()
  })

  it('opens the appeal page from the reasons', async () => {
    const { routes } = renderPage(<HomePage />, {
      routes: homeRoutes(),
      session: SIGNED_IN,
    })
    await screen.findByText('黄码')
    act(() => document.getElementById('home-appeal')?.click())
    expect(routes).toEqual(['open:appeals'])
  })

  it('draws the code token on the canvas', async () => {
    renderPage(<HomePage />, { routes: homeRoutes(), session: SIGNED_IN })
    await waitFor(() =>
      expect(canvasContexts.get('home-qr')?.frames).toHaveLength(1),
    )
    const frame = canvasContexts.get('home-qr')?.frames[0] ?? []
    expect(decode(frame, 280)).toBe('code-token-1')
    expect(document.getElementById('home-qr')?.getAttribute('width')).toBe(
      '280',
    )
  })

  it('draws again only for a new token', async () => {
    renderPage(<HomePage />, { routes: homeRoutes(), session: SIGNED_IN })
    await waitFor(() =>
      expect(canvasContexts.get('home-qr')?.frames).toHaveLength(1),
    )
    act(() => document.getElementById('lang-en')?.click())
    await screen.findByText('Yellow code')
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(canvasContexts.get('home-qr')?.frames).toHaveLength(1)
  })

  it('refreshes the code while shown and stops when hidden', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    let served = 0
    const { requests } = renderPage(<HomePage />, {
      routes: homeRoutes({
        'GET /v1/residents/me/code': () => {
          served += 1
          return json(200, codeBody(`code-token-${served}`))
        },
      }),
      session: SIGNED_IN,
    })
    await vi.advanceTimersByTimeAsync(0)
    expect(codeRequests(requests)).toHaveLength(1)
    await vi.advanceTimersByTimeAsync(30_000)
    expect(codeRequests(requests)).toHaveLength(2)
    await vi.advanceTimersByTimeAsync(10)
    const frames = canvasContexts.get('home-qr')?.frames ?? []
    expect(decode(frames.at(-1) ?? [], 280)).toBe('code-token-2')
    act(() => hidePage())
    await vi.advanceTimersByTimeAsync(120_000)
    expect(codeRequests(requests)).toHaveLength(2)
  })

  it('reloads the status once when the code color differs', async () => {
    const { requests } = renderPage(<HomePage />, {
      routes: homeRoutes({
        'GET /v1/residents/me/code': json(200, {
          ...codeBody('code-token-1'),
          color: 'green',
        }),
      }),
      session: SIGNED_IN,
    })
    const statusRequests = () =>
      requests.filter((request) => request.url.endsWith('/me/status'))
    await waitFor(() => expect(statusRequests()).toHaveLength(2))
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(statusRequests()).toHaveLength(2)
  })

  it('sends an unrated resident to the questionnaire', async () => {
    const { routes } = renderPage(<HomePage />, {
      routes: homeRoutes({
        'GET /v1/residents/me/status': json(200, { rated: false }),
      }),
      session: SIGNED_IN,
    })
    await waitFor(() => expect(routes).toEqual(['questionnaire']))
  })

  it('signs out when the session has expired', async () => {
    const expired = problem(401, 'AUTH_TOKEN_EXPIRED')
    const { routes, services } = renderPage(<HomePage />, {
      routes: {
        'GET /v1/residents/me': expired,
        'GET /v1/residents/me/status': expired,
        'GET /v1/residents/me/code': expired,
      },
      session: SIGNED_IN,
    })
    await waitFor(() => expect(routes).toContain('login'))
    expect(services.session.load()).toBeNull()
  })

  it('shows a network failure in the banner', async () => {
    renderPage(<HomePage />, {
      routes: homeRoutes({
        'GET /v1/residents/me/code': () => ({ kind: 'network-error' }),
      }),
      session: SIGNED_IN,
    })
    await waitFor(() =>
      expect(document.getElementById('error-banner')?.textContent).toContain(
        '无法连接服务器',
      ),
    )
  })

  it('links a resident to check-in, history and registration', async () => {
    renderPage(<HomePage />, { routes: homeRoutes(), session: SIGNED_IN })
    await screen.findByText('黄码')
    expect(document.getElementById('nav-checkin')).not.toBeNull()
    expect(document.getElementById('nav-history')).not.toBeNull()
    expect(document.getElementById('nav-business-register')).not.toBeNull()
    expect(document.getElementById('nav-business')).toBeNull()
    expect(document.getElementById('nav-guard')).toBeNull()
    expect(document.getElementById('nav-operator')).toBeNull()
  })

  it('links every resident to family and appeals', async () => {
    const { routes } = renderPage(<HomePage />, {
      routes: homeRoutes(),
      session: SIGNED_IN,
    })
    await screen.findByText('黄码')
    act(() => document.getElementById('nav-household')?.click())
    act(() => document.getElementById('nav-appeals')?.click())
    expect(routes).toEqual(['open:household', 'open:appeals'])
  })

  it('links an operator to the console', async () => {
    const { routes } = renderPage(<HomePage />, {
      routes: homeRoutes(),
      session: { ...SIGNED_IN, roles: ['resident', 'operator'] },
    })
    await screen.findByText('黄码')
    act(() => document.getElementById('nav-operator')?.click())
    expect(routes).toEqual(['open:operator'])
  })

  it('links the sections of the account roles', async () => {
    const { routes } = renderPage(<HomePage />, {
      routes: homeRoutes(),
      session: { ...SIGNED_IN, roles: ['resident', 'business', 'guard'] },
    })
    await screen.findByText('黄码')
    expect(document.getElementById('nav-business-register')).toBeNull()
    act(() => document.getElementById('nav-business')?.click())
    act(() => document.getElementById('nav-guard')?.click())
    act(() => document.getElementById('nav-checkin')?.click())
    expect(routes).toEqual(['open:business', 'open:guard', 'open:checkin'])
  })
})
