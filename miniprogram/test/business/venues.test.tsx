import { act, fireEvent, screen, waitFor } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import type { SignedRequest } from '../../src/api/client'
import VenuesPage from '../../src/business/venues/index'
import type { PosterOutcome } from '../../src/poster/types'
import { json, problem, renderPage, SIGNED_IN, type Routes } from '../fakes'
import { venue } from '../guard/fixtures'

const OWNER = {
  ...SIGNED_IN,
  roles: ['resident' as const, 'business' as const],
}

const OWNED = venue('v_01', { access: 'owner', name: '西湖银泰' })

const STATS = json(200, {
  venueId: 'v_01',
  from: '2026-01-14',
  to: '2026-01-20',
  days: [
    { date: '2026-01-19', checkins: 12, denied: 1 },
    { date: '2026-01-20', checkins: 3, denied: 0 },
  ],
})

function venueRoutes(overrides: Routes = {}): Routes {
  return {
    'GET /v1/venues': json(200, {
      items: [OWNED, venue('v_02', { access: 'guard' })],
    }),
    'GET /v1/venues/v_01/stats?from=2026-01-14&to=2026-01-20': STATS,
    ...overrides,
  }
}

type Saved = { request: SignedRequest; fileName: string }

function renderVenues(
  routes: Routes,
  options: { confirm?: boolean; poster?: PosterOutcome } = {},
) {
  const saved: Saved[] = []
  const page = renderPage(<VenuesPage />, {
    routes,
    session: OWNER,
    confirm: options.confirm,
    savePoster: async (request, fileName) => {
      saved.push({ request, fileName })
      return options.poster ?? { kind: 'saved' }
    },
  })
  return { ...page, saved }
}

function click(id: string) {
  act(() => document.getElementById(id)?.click())
}

describe('VenuesPage', () => {
  it('lists the venues the business owns', async () => {
    renderVenues(venueRoutes())
    await screen.findByText('西湖银泰')
    expect(document.getElementById('venue-item-v_01')).not.toBeNull()
    expect(document.getElementById('venue-item-v_02')).toBeNull()
  })

  it('downloads the poster with the bearer token', async () => {
    const { saved } = renderVenues(venueRoutes())
    await screen.findByText('西湖银泰')
    click('venue-poster-v_01')
    await waitFor(() => expect(saved).toHaveLength(1))
    expect(saved[0]?.request.url).toBe(
      'http://api.test/v1/venues/v_01/poster?format=pdf',
    )
    expect(saved[0]?.request.headers.Authorization).toBe(
      'Bearer session-token',
    )
    expect(saved[0]?.request.headers.Accept).toBe(
      'application/pdf, application/problem+json',
    )
    expect(saved[0]?.fileName).toBe('venue-v_01-v1.pdf')
    expect(await screen.findByText('海报已下载。')).toBeTruthy()
  })

  it('shows a failed poster download', async () => {
    renderVenues(venueRoutes(), {
      poster: {
        kind: 'problem',
        status: 503,
        problem: { code: 'POSTER_UNAVAILABLE', title: 't', detail: 'd' },
      },
    })
    await screen.findByText('西湖银泰')
    click('venue-poster-v_01')
    expect(await screen.findByText('场所码海报暂不可用')).toBeTruthy()
  })

  it('warns about the old poster before rotating', async () => {
    const rotated = { ...OWNED, codeVersion: 2 }
    const { confirmations, requests } = renderVenues(
      venueRoutes({ 'POST /v1/venues/v_01/rotate': json(200, rotated) }),
    )
    await screen.findByText('西湖银泰')
    click('venue-rotate-v_01')
    await screen.findByText('场所码已更换为第 2 版。请下载并张贴新海报。')
    expect(confirmations[0]?.content).toBe(
      '更换后，旧海报上的场所码在过渡期结束后失效。请下载并张贴新海报。',
    )
    expect(
      requests.filter((request) => request.url.endsWith('/rotate')),
    ).toHaveLength(1)
    expect(
      document.getElementById('venue-item-v_01')?.textContent,
    ).toContain('场所码第 2 版')
  })

  it('keeps the code when the rotation is cancelled', async () => {
    const { confirmations, requests } = renderVenues(venueRoutes(), {
      confirm: false,
    })
    await screen.findByText('西湖银泰')
    click('venue-rotate-v_01')
    await waitFor(() => expect(confirmations).toHaveLength(1))
    expect(
      requests.filter((request) => request.url.endsWith('/rotate')),
    ).toHaveLength(0)
  })

  it('adds a guard by phone in E.164', async () => {
    const { requests } = renderVenues(
      venueRoutes({
        'POST /v1/venues/v_01/guards': json(201, {
          venueId: 'v_01',
          maskedPhone: '138****0004',
          accountCreated: false,
        }),
      }),
    )
    await screen.findByText('西湖银泰')
    const phone = document.getElementById('venue-guard-phone')
    fireEvent.change(phone as HTMLElement, {
      target: { value: '138 0000 0004' },
    })
    click('venue-guard-add')
    await screen.findByText(
      '已添加查验人员 138****0004。对方重新登录后即可查验。',
    )
    const sent = requests.find((request) => request.url.endsWith('/guards'))
    expect(sent?.body).toEqual({ phone: '+8613800000004' })
  })

  it('rejects a malformed guard phone before sending', async () => {
    const { requests } = renderVenues(venueRoutes())
    await screen.findByText('西湖银泰')
    click('venue-guard-add')
    await waitFor(() =>
      expect(document.getElementById('field-error-phone')).not.toBeNull(),
    )
    expect(requests.some((request) => request.url.endsWith('/guards'))).toBe(
      false,
    )
  })

  it('shows the counts of the last seven city days', async () => {
    renderVenues(venueRoutes())
    await waitFor(() =>
      expect(document.getElementById('venue-stats')?.textContent).toContain(
        '2026-01-19：登记 12 人次，拒绝 1 人次',
      ),
    )
  })

  it('opens the venue form', async () => {
    const { routes } = renderVenues(venueRoutes())
    click('venue-new')
    expect(routes).toEqual(['open:venueNew'])
  })

  it('sends a resident without the role to sign-in again', async () => {
    const { routes } = renderVenues({
      'GET /v1/venues': problem(401, 'AUTH_TOKEN_INVALID'),
    })
    await waitFor(() => expect(routes).toEqual(['login']))
  })
})
