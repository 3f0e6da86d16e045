import { act, fireEvent, screen, waitFor } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import LoginPage from '../../src/pages/login/index'
import { json, problem, renderPage, SIGNED_IN, type Routes } from '../fakes'

const OTP_SENT = json(202, { expiresInSeconds: 300, retryAfterSeconds: 60 })

function tokenFor(registered: boolean) {
  return json(200, {
    token: 'new-session-token',
    expiresAt: '2026-01-20T16:00:00Z',
    role: 'resident',
    roles: ['resident'],
    registered,
  })
}

function type(id: string, value: string) {
  const input = document.getElementById(id)
  if (input === null) throw new Error(`no element #${id}`)
  fireEvent.change(input, { target: { value } })
}

function click(id: string) {
  act(() => document.getElementById(id)?.click())
}

async function requestCode(routes: Routes) {
  const page = renderPage(<LoginPage />, { routes })
  type('login-phone', '138 0000 0003')
  click('login-send')
  await screen.findByText(/验证码已通过短信发送/)
  return page
}

async function signIn(routes: Routes) {
  const page = await requestCode(routes)
  type('login-code', '123456')
  click('login-submit')
  return page
}

describe('LoginPage', () => {
  it('sends the phone in E.164 for a code', async () => {
    const { requests } = await signIn({
      'POST /v1/auth/otp': OTP_SENT,
      'POST /v1/auth/token': tokenFor(false),
    })
    expect(requests[0]?.body).toEqual({ phone: '+8613800000003' })
    await waitFor(() =>
      expect(requests[1]?.body).toEqual({
        phone: '+8613800000003',
        code: '123456',
      }),
    )
  })

  it('keeps the roles of the account', async () => {
    const { routes, services } = await signIn({
      'POST /v1/auth/otp': OTP_SENT,
      'POST /v1/auth/token': json(200, {
        token: 'new-session-token',
        expiresAt: '2026-01-20T16:00:00Z',
        role: 'guard',
        roles: ['resident', 'guard'],
        registered: false,
      }),
    })
    await waitFor(() => expect(routes).toEqual(['register']))
    expect(services.session.load()?.roles).toEqual(['resident', 'guard'])
  })

  it('sends a new user to registration', async () => {
    const { routes, services } = await signIn({
      'POST /v1/auth/otp': OTP_SENT,
      'POST /v1/auth/token': tokenFor(false),
    })
    await waitFor(() => expect(routes).toEqual(['register']))
    expect(services.session.load()?.token).toBe('new-session-token')
    expect(services.session.load()?.phone).toBe('138 0000 0003')
  })

  it('sends an unrated resident to the questionnaire', async () => {
    const { routes } = await signIn({
      'POST /v1/auth/otp': OTP_SENT,
      'POST /v1/auth/token': tokenFor(true),
      'GET /v1/residents/me/status': problem(409, 'QUESTIONNAIRE_REQUIRED'),
    })
    await waitFor(() => expect(routes).toEqual(['questionnaire']))
  })

  it('shows a wrong code under the code field', async () => {
    const { routes } = await signIn({
      'POST /v1/auth/otp': OTP_SENT,
      'POST /v1/auth/token': problem(400, 'OTP_INVALID', [
        { field: 'code', code: 'OTP_INVALID', message: 'wrong' },
      ]),
    })
    const message = await waitFor(() => {
      const element = document.getElementById('field-error-code')
      expect(element).not.toBeNull()
      return element?.textContent
    })
    expect(message).toMatch(/^验证码：/)
    expect(document.getElementById('error-banner')).not.toBeNull()
    expect(routes).toEqual([])
  })

  it('checks the phone before sending', () => {
    const { requests } = renderPage(<LoginPage />, { routes: {} })
    type('login-phone', '12345')
    click('login-send')
    expect(requests).toHaveLength(0)
    expect(document.getElementById('field-error-phone')).not.toBeNull()
  })

  it('counts down before another code may be sent', async () => {
    await requestCode({ 'POST /v1/auth/otp': OTP_SENT })
    const send = document.getElementById('login-send') as HTMLButtonElement
    expect(send.textContent).toBe('60 秒后可重新发送')
    expect(send.disabled).toBe(true)
  })

  it('drops a stored session the API rejects', async () => {
    const { routes, services } = renderPage(<LoginPage />, {
      routes: {
        'GET /v1/residents/me/status': problem(401, 'AUTH_TOKEN_INVALID'),
      },
      session: SIGNED_IN,
    })
    await waitFor(() => expect(routes).toEqual(['login']))
    expect(services.session.load()).toBeNull()
  })

  it('moves a stored session on without signing in', async () => {
    const { routes } = renderPage(<LoginPage />, {
      routes: {
        'GET /v1/residents/me/status': json(200, {
          rated: true,
          color: 'green',
          until: null,
          reasons: [],
          rulesVersion: '2026-01-20.1',
          evaluatedAt: '2026-01-20T04:00:00Z',
        }),
      },
      session: SIGNED_IN,
    })
    await waitFor(() => expect(routes).toEqual(['home']))
  })
})
