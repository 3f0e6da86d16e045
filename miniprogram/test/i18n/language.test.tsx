import { act, fireEvent, screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { createI18n, loadLanguage, switchLanguage } from '../../src/i18n'
import LoginPage from '../../src/pages/login/index'
import { json, memoryStore, renderPage } from '../fakes'

const OTP_SENT = json(202, { expiresInSeconds: 300, retryAfterSeconds: 60 })

describe('language switching', () => {
  it('starts in Chinese', () => {
    renderPage(<LoginPage />, { routes: {} })
    expect(screen.getByText('手机号登录')).toBeTruthy()
  })

  it('switches the page texts to English', async () => {
    renderPage(<LoginPage />, { routes: {} })
    act(() => document.getElementById('lang-en')?.click())
    expect(await screen.findByText('Sign in with your phone')).toBeTruthy()
    expect(document.getElementById('login-send')?.textContent).toBe(
      'Send code',
    )
  })

  it('stores the choice for the next launch', () => {
    const { store } = renderPage(<LoginPage />, { routes: {} })
    act(() => document.getElementById('lang-en')?.click())
    expect(loadLanguage(store)).toBe('en')
    act(() => document.getElementById('lang-zh')?.click())
    expect(loadLanguage(store)).toBe('zh')
  })

  it('sends the chosen language as Accept-Language', async () => {
    const { requests } = renderPage(<LoginPage />, {
      routes: { 'POST /v1/auth/otp': OTP_SENT },
    })
    act(() => document.getElementById('lang-en')?.click())
    const phone = document.querySelector<HTMLInputElement>('#login-phone')
    fireEvent.change(phone as HTMLInputElement, {
      target: { value: '13800000003' },
    })
    act(() => document.getElementById('login-send')?.click())
    await screen.findByText(/We sent a code/)
    expect(requests[0]?.headers['Accept-Language']).toBe('en')
  })

  it('re-words an error already shown', async () => {
    renderPage(<LoginPage />, { routes: {} })
    act(() => document.getElementById('login-send')?.click())
    const error = await screen.findByText(/^手机号：/)
    expect(error.id).toBe('field-error-phone')
    act(() => document.getElementById('lang-en')?.click())
    expect(document.getElementById('field-error-phone')?.textContent).toMatch(
      /^Phone number: /,
    )
  })
})

describe('loadLanguage', () => {
  it('defaults to Chinese', () => {
    expect(loadLanguage(memoryStore())).toBe('zh')
  })

  it('ignores a stored value that is no language', () => {
    const store = memoryStore()
    store.write('healthcode.language', 'fr')
    expect(loadLanguage(store)).toBe('zh')
  })

  it('returns the language switchLanguage stored', () => {
    const store = memoryStore()
    const i18n = createI18n('zh')
    switchLanguage(i18n, store, 'en')
    expect(loadLanguage(store)).toBe('en')
    expect(i18n.t('app.title')).toBe('Health Code')
  })
})
