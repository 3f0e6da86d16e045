import { act } from '@testing-library/react'
import OperatorConsolePage from '../../src/operator/console/index'
import { renderPage, SIGNED_IN, type Routes } from '../fakes'

const base64url = (value: unknown) =>
  Buffer.from(JSON.stringify(value)).toString('base64url')

// A session token whose payload names the account. The console reads only
// `sub`, and the tests' fake API does not check the signature.
export function tokenFor(accountId: string): string {
  const header = base64url({ alg: 'EdDSA', kid: 'k1', typ: 'hc-session' })
  const payload = base64url({ sub: accountId, role: 'operator' })
  return `${header}.${payload}.c2lnbmF0dXJl`
}

export const OPERATOR_ID = 'acct-operator-1'

export const OPERATOR = {
  ...SIGNED_IN,
  token: tokenFor(OPERATOR_ID),
  roles: ['resident' as const, 'operator' as const],
}

// Renders the console as the operator and opens a section by its tab.
export function renderConsole(
  section: string,
  routes: Routes,
  language: 'zh' | 'en' = 'zh',
) {
  const view = renderPage(<OperatorConsolePage />, {
    routes,
    session: OPERATOR,
    language,
  })
  act(() => document.getElementById(`op-tab-${section}`)?.click())
  return view
}
