import { act, fireEvent, screen, waitFor } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import type { HttpRequest, TransportOutcome } from '../../src/api/http'
import { verdictText, type VerdictCode } from '../../src/contract'
import { loadKeys } from '../../src/guard/keyCache'
import {
  enqueueRedemption,
  loadQueue,
} from '../../src/guard/redemptionQueue'
import GuardPage from '../../src/guard/verify/index'
import {
  json,
  memoryStore,
  NOW,
  problem,
  renderPage,
  SIGNED_IN,
  type Routes,
} from '../fakes'
import { reportNetworkBack } from '../stubs/taro'
import {
  keysResponse,
  NETWORK_ERROR,
  pass,
  venue,
  verdictResponse,
} from './fixtures'

const GUARD = { ...SIGNED_IN, roles: ['resident' as const, 'guard' as const] }

function guardRoutes(overrides: Routes = {}): Routes {
  return {
    'GET /v1/venues': json(200, { items: [venue('v_01')] }),
    'GET /v1/keys': keysResponse(),
    'POST /v1/checkpoint/verify': verdictResponse('ALLOW'),
    'POST /v1/checkpoint/redemptions': json(200, { results: [] }),
    'GET /v1/city': NETWORK_ERROR,
    ...overrides,
  }
}

function renderGuard(routes: Routes, store = memoryStore()) {
  return renderPage(<GuardPage />, { routes, session: GUARD, store })
}

function type(id: string, value: string) {
  const input = document.getElementById(id)
  if (input === null) throw new Error(`no element #${id}`)
  fireEvent.change(input, { target: { value } })
}

function click(id: string) {
  act(() => document.getElementById(id)?.click())
}

function requestsTo(requests: HttpRequest[], path: string) {
  return requests.filter((request) => request.url.endsWith(path))
}

function verdict() {
  return document.getElementById('verdict')
}

function queueCount() {
  return document.getElementById('guard-queue-count')?.dataset.count
}

// Renders the page, waits for the venue and keys, and verifies `token`.
async function verifyToken(
  routes: Routes,
  token: string,
  store = memoryStore(),
) {
  const page = renderGuard(routes, store)
  await screen.findByText('场所 v_01')
  await waitFor(() => expect(loadKeys(page.store)).not.toBeNull())
  type('guard-token', token)
  click('guard-verify')
  await waitFor(() => expect(verdict()).not.toBeNull())
  return page
}

describe('GuardPage online', () => {
  it('shows the server verdict with the masked name', async () => {
    const token = pass()
    const { requests } = await verifyToken(
      guardRoutes({
        'POST /v1/checkpoint/verify': verdictResponse('ALLOW', {
          color: 'green',
          maskedName: '*三',
        }),
      }),
      token,
    )
    expect(verdict()?.dataset.code).toBe('ALLOW')
    expect(verdict()?.dataset.verdict).toBe('allow')
    expect(verdict()?.textContent).toContain('姓名：*三')
    expect(document.getElementById('verdict-offline')).toBeNull()
    expect(requestsTo(requests, '/verify')[0]?.body).toEqual({
      token,
      venueId: 'v_01',
      deviceTime: NOW.toISOString(),
    })
  })

  it('prefers the server verdict to the device check', async () => {
    const { store } = await verifyToken(
      guardRoutes({
        'POST /v1/checkpoint/verify': verdictResponse('ALREADY_USED'),
      }),
      pass(),
    )
    expect(verdict()?.dataset.code).toBe('ALREADY_USED')
    expect(loadQueue(store)).toEqual([])
  })

  const TITLES: [VerdictCode, string, string][] = [
    ['ALLOW', '可以通行', 'allow'],
    ['DENY_COLOR', '健康码颜色不符', 'deny'],
    ['EXPIRED', '码已过期', 'deny'],
    ['ALREADY_USED', '通行码已使用', 'deny'],
    ['WRONG_VENUE', '非本场所通行码', 'deny'],
    ['INVALID_SIGNATURE', '无效的码', 'deny'],
    ['WRONG_CITY', '非本市的码', 'deny'],
    ['CLOCK_WRONG', '设备时间不准', 'deny'],
    ['FEVER', '体温异常', 'deny'],
    ['NOT_REGISTERED', '未登记人员', 'deny'],
  ]

  it.each(TITLES)('words %s as %s', async (code, title, word) => {
    await verifyToken(
      guardRoutes({ 'POST /v1/checkpoint/verify': verdictResponse(code) }),
      pass(),
    )
    expect(verdict()?.dataset.verdict).toBe(word)
    const panel = verdict()
    expect(panel?.querySelector('.verdict__title')?.textContent).toBe(title)
    expect(panel?.querySelector('.verdict__detail')?.textContent).toBe(
      verdictText(code, 'zh'),
    )
  })

  it('words the verdict in English after a switch', async () => {
    await verifyToken(
      guardRoutes({
        'POST /v1/checkpoint/verify': verdictResponse('WRONG_CITY'),
      }),
      pass(),
    )
    click('lang-en')
    await waitFor(() =>
      expect(verdict()?.querySelector('.verdict__title')?.textContent).toBe(
        'Not a code of this city',
      ),
    )
    expect(verdict()?.querySelector('.verdict__word')?.textContent).toBe(
      'Deny',
    )
  })

  it('lists only the venues the account guards', async () => {
    renderGuard(
      guardRoutes({
        'GET /v1/venues': json(200, {
          items: [venue('v_01'), venue('v_02', { access: 'owner' })],
        }),
      }),
    )
    await screen.findByText('场所 v_01')
    expect(document.getElementById('guard-venue-v_02')).toBeNull()
  })

  it('sends the verification for the chosen venue', async () => {
    const { requests } = renderGuard(
      guardRoutes({
        'GET /v1/venues': json(200, {
          items: [venue('v_01'), venue('v_02')],
        }),
      }),
    )
    await screen.findByText('场所 v_02')
    click('guard-venue-v_02')
    type('guard-token', pass({ venueId: 'v_02' }))
    click('guard-verify')
    await waitFor(() => expect(requestsTo(requests, '/verify')).toHaveLength(1))
    expect(requestsTo(requests, '/verify')[0]?.body).toMatchObject({
      venueId: 'v_02',
    })
  })

  it('shows a server problem in the banner', async () => {
    renderGuard(
      guardRoutes({
        'POST /v1/checkpoint/verify': problem(422, 'TEMPERATURE_REQUIRED'),
      }),
    )
    await screen.findByText('场所 v_01')
    type('guard-token', pass())
    click('guard-verify')
    expect(await screen.findByText('需要体温')).toBeTruthy()
    expect(verdict()).toBeNull()
  })
})

describe('GuardPage offline', () => {
  const OFFLINE = { 'POST /v1/checkpoint/verify': NETWORK_ERROR }

  it('shows the device verdict marked as offline', async () => {
    await verifyToken(guardRoutes(OFFLINE), pass())
    expect(verdict()?.dataset.code).toBe('ALLOW')
    expect(verdict()?.dataset.verdict).toBe('allow')
    expect(document.getElementById('verdict-offline')?.textContent).toBe(
      '离线查验：未连接服务器，结果由本设备判断，联网后自动同步。',
    )
  })

  it('queues an admission for the server', async () => {
    const token = pass()
    const { store } = await verifyToken(guardRoutes(OFFLINE), token)
    expect(loadQueue(store)).toEqual([
      { token, venueId: 'v_01', verifiedAt: NOW.toISOString() },
    ])
    expect(queueCount()).toBe('1')
    expect(
      document.getElementById('guard-queue-count')?.textContent,
    ).toBe('待同步的离线查验：1 条')
  })

  it('falls back to the device when the server fails', async () => {
    await verifyToken(
      guardRoutes({ 'POST /v1/checkpoint/verify': problem(503, 'INTERNAL') }),
      pass(),
    )
    expect(verdict()?.dataset.code).toBe('ALLOW')
    expect(document.getElementById('verdict-offline')).not.toBeNull()
  })

  it.each<[string, () => string, VerdictCode]>([
    ['a red code', () => pass({ color: 'red' }), 'DENY_COLOR'],
    [
      'a pass of another venue',
      () => pass({ venueId: 'v_09' }),
      'WRONG_VENUE',
    ],
    [
      'a code of another city',
      () => pass({ issuer: 'shanghai' }),
      'WRONG_CITY',
    ],
    ['an altered pass', () => `${pass()}x`, 'INVALID_SIGNATURE'],
  ])('denies %s without queueing', async (_case, token, code) => {
    const { store } = await verifyToken(guardRoutes(OFFLINE), token())
    expect(verdict()?.dataset.code).toBe(code)
    expect(verdict()?.dataset.verdict).toBe('deny')
    expect(loadQueue(store)).toEqual([])
    expect(queueCount()).toBe('0')
  })

  it('reports a device clock far from server time', async () => {
    const serverAhead = new Date(NOW.getTime() + 10 * 60_000)
    await verifyToken(
      guardRoutes({ ...OFFLINE, 'GET /v1/keys': keysResponse(serverAhead) }),
      pass(),
    )
    expect(verdict()?.dataset.code).toBe('CLOCK_WRONG')
  })

  it('says it cannot verify without stored keys', async () => {
    renderGuard(guardRoutes({ ...OFFLINE, 'GET /v1/keys': NETWORK_ERROR }))
    await screen.findByText('场所 v_01')
    expect(document.getElementById('guard-keys-missing')).not.toBeNull()
    type('guard-token', pass())
    click('guard-verify')
    await waitFor(() =>
      expect(document.getElementById('guard-hint')?.textContent).toBe(
        '本设备还没有查验密钥，断网时无法查验。请联网后重新打开此页。',
      ),
    )
    expect(verdict()).toBeNull()
  })

  it('uses the stored venues and keys when opened offline', async () => {
    const store = memoryStore()
    await verifyToken(guardRoutes(), pass(), store)
    const offline = renderGuard(
      guardRoutes({
        ...OFFLINE,
        'GET /v1/venues': NETWORK_ERROR,
        'GET /v1/keys': NETWORK_ERROR,
      }),
      store,
    )
    await waitFor(() =>
      expect(
        offline.container.querySelector('#guard-venue-v_01'),
      ).not.toBeNull(),
    )
    expect(offline.container.querySelector('#error-banner')).toBeNull()
  })
})

describe('GuardPage temperatures', () => {
  const HOT_VENUE = venue('v_01', {
    guardPolicy: { ...venue('v_01').guardPolicy, temperatureRequired: true },
  })
  const routes = (overrides: Routes = {}) =>
    guardRoutes({
      'GET /v1/venues': json(200, { items: [HOT_VENUE] }),
      ...overrides,
    })

  it('requires a temperature before verifying', async () => {
    const { requests } = renderGuard(routes())
    await screen.findByText('场所 v_01')
    type('guard-token', pass())
    click('guard-verify')
    expect(document.getElementById('guard-hint')?.textContent).toBe(
      '请输入 30 到 45 之间的摄氏度数值。',
    )
    expect(requestsTo(requests, '/verify')).toHaveLength(0)
  })

  it('sends the temperature with the token', async () => {
    const { requests } = renderGuard(routes())
    await screen.findByText('场所 v_01')
    type('guard-temperature', '36,6')
    type('guard-token', pass())
    click('guard-verify')
    await waitFor(() => expect(verdict()).not.toBeNull())
    expect(requestsTo(requests, '/verify')[0]?.body).toMatchObject({
      temperature: 36.6,
    })
  })

  it('reports a fever offline', async () => {
    const { store } = renderGuard(
      routes({ 'POST /v1/checkpoint/verify': NETWORK_ERROR }),
    )
    await screen.findByText('场所 v_01')
    await waitFor(() => expect(loadKeys(store)).not.toBeNull())
    type('guard-temperature', '38.2')
    type('guard-token', pass())
    click('guard-verify')
    await waitFor(() => expect(verdict()?.dataset.code).toBe('FEVER'))
    expect(loadQueue(store)).toEqual([])
  })
})

describe('GuardPage queue', () => {
  const QUEUED = {
    token: 'queued-pass',
    venueId: 'v_01',
    verifiedAt: '2026-01-20T03:00:00.000Z',
  }

  function storeWithQueue() {
    const store = memoryStore()
    enqueueRedemption(store, QUEUED)
    return store
  }

  it('syncs queued admissions when the page shows', async () => {
    const { requests, store } = renderGuard(
      guardRoutes({
        'POST /v1/checkpoint/redemptions': json(200, {
          results: [{ status: 'already_used' }],
        }),
      }),
      storeWithQueue(),
    )
    await waitFor(() => expect(queueCount()).toBe('0'))
    expect(requestsTo(requests, '/redemptions')[0]?.body).toEqual({
      items: [QUEUED],
    })
    expect(loadQueue(store)).toEqual([])
    expect(document.getElementById('guard-sync-report')?.textContent).toBe(
      '已同步：0 条有效，1 条此前已使用，0 条无效。',
    )
  })

  it('keeps the queue while the server is unreachable', async () => {
    const { requests, store } = renderGuard(
      guardRoutes({ 'POST /v1/checkpoint/redemptions': NETWORK_ERROR }),
      storeWithQueue(),
    )
    await waitFor(() =>
      expect(requestsTo(requests, '/redemptions')).toHaveLength(1),
    )
    expect(queueCount()).toBe('1')
    expect(loadQueue(store)).toEqual([QUEUED])
    expect(document.getElementById('error-banner')).toBeNull()
  })

  it('syncs when the network comes back', async () => {
    let online = false
    const token = pass()
    const { requests, store } = await verifyToken(
      guardRoutes({
        'POST /v1/checkpoint/verify': NETWORK_ERROR,
        'POST /v1/checkpoint/redemptions': (): TransportOutcome =>
          online
            ? json(200, { results: [{ status: 'redeemed' }] })
            : NETWORK_ERROR,
      }),
      token,
    )
    expect(queueCount()).toBe('1')
    online = true
    act(() => reportNetworkBack())
    await waitFor(() => expect(queueCount()).toBe('0'))
    const sent = requestsTo(requests, '/redemptions').at(-1)
    expect(sent?.body).toEqual({
      items: [{ token, venueId: 'v_01', verifiedAt: NOW.toISOString() }],
    })
    expect(loadQueue(store)).toEqual([])
  })

  it('syncs after an online verification', async () => {
    let verified = false
    const { requests } = renderGuard(
      guardRoutes({
        'POST /v1/checkpoint/verify': () => {
          verified = true
          return verdictResponse('ALLOW')
        },
        'POST /v1/checkpoint/redemptions': (): TransportOutcome =>
          verified
            ? json(200, { results: [{ status: 'redeemed' }] })
            : NETWORK_ERROR,
      }),
      storeWithQueue(),
    )
    await screen.findByText('场所 v_01')
    await waitFor(() =>
      expect(requestsTo(requests, '/redemptions')).toHaveLength(1),
    )
    expect(queueCount()).toBe('1')
    type('guard-token', pass())
    click('guard-verify')
    await waitFor(() => expect(queueCount()).toBe('0'))
  })
})

describe('GuardPage manual check-in', () => {
  it('verifies a person by document', async () => {
    const { requests } = renderGuard(
      guardRoutes({
        'POST /v1/checkpoint/manual': verdictResponse('NOT_REGISTERED'),
      }),
    )
    await screen.findByText('场所 v_01')
    click('manual-doc-mainland_id')
    type('manual-number', '11010519491231002X')
    click('manual-submit')
    await waitFor(() =>
      expect(verdict()?.dataset.code).toBe('NOT_REGISTERED'),
    )
    expect(requestsTo(requests, '/manual')[0]?.body).toEqual({
      venueId: 'v_01',
      document: { type: 'mainland_id', number: '11010519491231002X' },
    })
  })

  it('checks the document number before sending', async () => {
    const { requests } = renderGuard(guardRoutes())
    await screen.findByText('场所 v_01')
    type('manual-number', '330106199003071230')
    click('manual-submit')
    await waitFor(() =>
      expect(
        document.getElementById('field-error-document.number'),
      ).not.toBeNull(),
    )
    expect(requestsTo(requests, '/manual')).toHaveLength(0)
  })
})
