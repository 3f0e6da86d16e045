import { act, fireEvent, screen, waitFor } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import type { HttpRequest, TransportOutcome } from '../../src/api/http'
import CheckinPage from '../../src/pages/checkin/index'
import { loadPass } from '../../src/pass/storedPass'
import type { ScanOutcome } from '../../src/scan/types'
import { json, problem, renderPage, SIGNED_IN } from '../fakes'

const VENUE_CODE = 'HC1.hangzhou.v_01.1.AbCdEf'

const CHECKED_IN = {
  checkin: {
    id: 'c_01',
    venueId: 'v_01',
    venueName: '西湖银泰',
    venueType: 'market',
    at: '2026-01-20T04:00:00Z',
    flags: [],
    source: 'scan',
  },
  pass: {
    token: 'pass-token',
    expiresAt: '2026-01-20T04:01:00Z',
    color: 'green',
  },
}

const NETWORK_ERROR: TransportOutcome = { kind: 'network-error' }

// Responds to POST /v1/checkins with the outcomes in turn, then the last
// one again.
function answers(...outcomes: TransportOutcome[]) {
  let index = 0
  return () => {
    const outcome = outcomes[Math.min(index, outcomes.length - 1)]
    index += 1
    return outcome ?? NETWORK_ERROR
  }
}

function checkinRequests(requests: HttpRequest[]) {
  return requests.filter((request) => request.url.endsWith('/v1/checkins'))
}

function keyOf(request: HttpRequest | undefined) {
  return request?.headers['Idempotency-Key']
}

function paste(code: string) {
  const input = document.getElementById('checkin-code')
  if (input === null) throw new Error('no element #checkin-code')
  fireEvent.change(input, { target: { value: code } })
}

function click(id: string) {
  act(() => document.getElementById(id)?.click())
}

function renderCheckin(respond: () => TransportOutcome) {
  return renderPage(<CheckinPage />, {
    routes: { 'POST /v1/checkins': respond },
    session: SIGNED_IN,
  })
}

describe('CheckinPage', () => {
  it('sends the code with a key and the phone time', async () => {
    const { requests, routes } = renderCheckin(answers(json(201, CHECKED_IN)))
    paste(`  ${VENUE_CODE} `)
    click('checkin-submit')
    await waitFor(() => expect(routes).toEqual(['replace:pass']))
    const [request] = checkinRequests(requests)
    expect(request?.body).toEqual({
      code: VENUE_CODE,
      clientTime: '2026-01-20T04:00:00.000Z',
    })
    expect(keyOf(request)).toBe('key-0001-0000-0000')
  })

  it('stores the pass for the pass page', async () => {
    const { routes, store } = renderCheckin(answers(json(201, CHECKED_IN)))
    paste(VENUE_CODE)
    click('checkin-submit')
    await waitFor(() => expect(routes).toEqual(['replace:pass']))
    expect(loadPass(store)?.pass.token).toBe('pass-token')
    expect(loadPass(store)?.receivedAt).toBe('2026-01-20T04:00:00.000Z')
  })

  it('retries a lost request once with the same key', async () => {
    const { requests, routes } = renderCheckin(
      answers(NETWORK_ERROR, json(201, CHECKED_IN)),
    )
    paste(VENUE_CODE)
    click('checkin-submit')
    await waitFor(() => expect(routes).toEqual(['replace:pass']))
    const sent = checkinRequests(requests)
    expect(sent).toHaveLength(2)
    expect(keyOf(sent[1])).toBe(keyOf(sent[0]))
    expect(sent[1]?.body).toEqual(sent[0]?.body)
  })

  it('words a lost check-in as not sent', async () => {
    const { requests } = renderCheckin(answers(NETWORK_ERROR))
    paste(VENUE_CODE)
    click('checkin-submit')
    const banner = await screen.findByText('登记未送达')
    expect(banner.closest('#error-banner')?.textContent).toContain(
      '同一次扫码不会被重复登记',
    )
    expect(checkinRequests(requests)).toHaveLength(2)
  })

  it('reuses the key when the user retries', async () => {
    const { requests, routes } = renderCheckin(
      answers(NETWORK_ERROR, NETWORK_ERROR, json(201, CHECKED_IN)),
    )
    paste(VENUE_CODE)
    click('checkin-submit')
    await screen.findByText('登记未送达')
    click('checkin-retry')
    await waitFor(() => expect(routes).toEqual(['replace:pass']))
    const keys = checkinRequests(requests).map(keyOf)
    expect(keys).toEqual([
      'key-0001-0000-0000',
      'key-0001-0000-0000',
      'key-0001-0000-0000',
    ])
  })

  it('reuses the key when the same code is sent again', async () => {
    const { requests } = renderCheckin(
      answers(NETWORK_ERROR, NETWORK_ERROR, json(201, CHECKED_IN)),
    )
    paste(VENUE_CODE)
    click('checkin-submit')
    await screen.findByText('登记未送达')
    click('checkin-submit')
    await waitFor(() => expect(checkinRequests(requests)).toHaveLength(3))
    expect(keyOf(checkinRequests(requests)[2])).toBe('key-0001-0000-0000')
  })

  it('gives another code a new key', async () => {
    const { requests } = renderCheckin(answers(NETWORK_ERROR))
    paste(VENUE_CODE)
    click('checkin-submit')
    await screen.findByText('登记未送达')
    paste('HC1.hangzhou.v_02.1.XyZ')
    click('checkin-submit')
    await waitFor(() => expect(checkinRequests(requests)).toHaveLength(4))
    expect(keyOf(checkinRequests(requests)[3])).toBe('key-0002-0000-0000')
  })

  it('sends once for a double tap', async () => {
    const { requests, routes } = renderCheckin(answers(json(201, CHECKED_IN)))
    paste(VENUE_CODE)
    act(() => {
      document.getElementById('checkin-submit')?.click()
      document.getElementById('checkin-submit')?.click()
    })
    await waitFor(() => expect(routes).toEqual(['replace:pass']))
    expect(checkinRequests(requests)).toHaveLength(1)
  })

  it('takes a new key after a rejected code', async () => {
    const { requests } = renderCheckin(
      answers(problem(422, 'VENUE_CODE_INVALID')),
    )
    paste(VENUE_CODE)
    click('checkin-submit')
    await screen.findByText('不是本市的场所码')
    expect(document.getElementById('checkin-retry')).toBeNull()
    click('checkin-submit')
    await waitFor(() => expect(checkinRequests(requests)).toHaveLength(2))
    expect(keyOf(checkinRequests(requests)[1])).toBe('key-0002-0000-0000')
  })

  it('keeps the key while the first request is in progress', async () => {
    const { requests } = renderCheckin(
      answers(problem(409, 'IDEMPOTENCY_IN_PROGRESS'), json(201, CHECKED_IN)),
    )
    paste(VENUE_CODE)
    click('checkin-submit')
    await screen.findByText('请求正在处理')
    click('checkin-retry')
    await waitFor(() => expect(checkinRequests(requests)).toHaveLength(2))
    expect(keyOf(checkinRequests(requests)[1])).toBe('key-0001-0000-0000')
  })

  it('asks for a code before sending', () => {
    const { requests } = renderCheckin(answers(json(201, CHECKED_IN)))
    click('checkin-submit')
    expect(document.getElementById('checkin-hint')?.textContent).toBe(
      '请先粘贴场所码内容。',
    )
    expect(requests).toHaveLength(0)
  })
})

describe('CheckinPage with a camera', () => {
  function renderWithCamera(outcome: ScanOutcome) {
    const scans: number[] = []
    const page = renderPage(<CheckinPage />, {
      routes: { 'POST /v1/checkins': json(201, CHECKED_IN) },
      session: SIGNED_IN,
      scanner: {
        kind: 'camera',
        scan: async () => {
          scans.push(scans.length + 1)
          return outcome
        },
      },
    })
    return { ...page, scans }
  }

  it('offers the scanner and no text field', () => {
    renderWithCamera({ kind: 'cancelled' })
    expect(document.getElementById('checkin-scan')).not.toBeNull()
    expect(document.getElementById('checkin-code')).toBeNull()
  })

  it('checks in with the scanned text', async () => {
    const { requests, routes } = renderWithCamera({
      kind: 'scanned',
      text: VENUE_CODE,
    })
    click('checkin-scan')
    await waitFor(() => expect(routes).toEqual(['replace:pass']))
    expect(checkinRequests(requests)[0]?.body).toMatchObject({
      code: VENUE_CODE,
    })
  })

  it('sends nothing when the scan is cancelled', async () => {
    const { requests, scans } = renderWithCamera({ kind: 'cancelled' })
    click('checkin-scan')
    await waitFor(() => expect(scans).toEqual([1]))
    expect(requests).toHaveLength(0)
    expect(document.getElementById('checkin-hint')).toBeNull()
  })

  it('says when the camera fails', async () => {
    renderWithCamera({ kind: 'failed' })
    click('checkin-scan')
    await waitFor(() =>
      expect(document.getElementById('checkin-hint')?.textContent).toBe(
        '无法打开相机扫码。请重试。',
      ),
    )
  })
})
