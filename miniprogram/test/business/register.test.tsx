import { act, fireEvent, screen, waitFor } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import BusinessRegisterPage from '../../src/business/register/index'
import { json, problem, renderPage, SIGNED_IN, type Routes } from '../fakes'

// A credit code whose check character is right (GB 32100-2015).
const CREDIT_CODE = '91330106MA2AXXXX11'

const REGISTERED = json(201, {
  business: {
    name: '西湖银泰',
    creditCode: CREDIT_CODE,
    createdAt: '2026-01-20T04:00:00Z',
  },
  roles: ['resident', 'business'],
})

const RENEWED = json(200, {
  token: 'renewed-token',
  expiresAt: '2026-01-20T18:00:00Z',
  role: 'business',
  roles: ['resident', 'business'],
  registered: true,
})

function type(id: string, value: string) {
  const input = document.getElementById(id)
  if (input === null) throw new Error(`no element #${id}`)
  fireEvent.change(input, { target: { value } })
}

function submit(routes: Routes, creditCode = CREDIT_CODE) {
  const page = renderPage(<BusinessRegisterPage />, {
    routes,
    session: SIGNED_IN,
  })
  type('biz-name', '西湖银泰')
  type('biz-credit-code', creditCode)
  act(() => document.getElementById('biz-submit')?.click())
  return page
}

describe('BusinessRegisterPage', () => {
  it('registers and renews the session with the new role', async () => {
    const { requests, routes, services } = submit({
      'POST /v1/businesses': REGISTERED,
      'POST /v1/auth/refresh': RENEWED,
    })
    await waitFor(() => expect(routes).toEqual(['replace:business']))
    expect(requests[0]?.body).toEqual({
      name: '西湖银泰',
      creditCode: CREDIT_CODE,
    })
    expect(requests[1]?.body).toBeUndefined()
    const session = services.session.load()
    expect(session?.token).toBe('renewed-token')
    expect(session?.roles).toEqual(['resident', 'business'])
    expect(session?.phone).toBe(SIGNED_IN.phone)
  })

  it('renews the session of an account registered before', async () => {
    const { routes } = submit({
      'POST /v1/businesses': problem(409, 'BUSINESS_ALREADY_REGISTERED'),
      'POST /v1/auth/refresh': RENEWED,
    })
    await waitFor(() => expect(routes).toEqual(['replace:business']))
  })

  it('rejects a wrong check character before sending', async () => {
    const { requests } = submit({}, '91330106MA2AXXXX1A')
    await waitFor(() =>
      expect(
        document.getElementById('field-error-creditCode')?.textContent,
      ).toContain('统一社会信用代码'),
    )
    expect(requests).toHaveLength(0)
  })

  it('shows a failed renewal and stays', async () => {
    const { routes, services } = submit({
      'POST /v1/businesses': REGISTERED,
      'POST /v1/auth/refresh': { kind: 'network-error' },
    })
    expect(await screen.findByText('网络连接失败')).toBeTruthy()
    expect(routes).toEqual([])
    expect(services.session.load()?.roles).toEqual(['resident'])
  })
})
