import { render } from '@testing-library/react'
import type { ReactElement } from 'react'
import { I18nextProvider } from 'react-i18next'
import { createApiClient } from '../src/api/client'
import type { HttpRequest, TransportOutcome } from '../src/api/http'
import type { Language } from '../src/contract'
import { createI18n, currentLanguage } from '../src/i18n'
import type { ConfirmRequest } from '../src/components/confirm'
import type { PosterSaver } from '../src/poster/types'
import type { Scanner } from '../src/scan/types'
import {
  createSessionStore,
  type Clock,
  type Session,
} from '../src/session/session'
import type { KeyValueStore } from '../src/session/store'
import { ServicesContext, type Services } from '../src/services/services'

export function memoryStore(): KeyValueStore & { values: Map<string, string> } {
  const values = new Map<string, string>()
  return {
    values,
    read: (key) => values.get(key) ?? null,
    write: (key, value) => {
      values.set(key, value)
    },
    remove: (key) => {
      values.delete(key)
    },
  }
}

export function json(status: number, body: unknown): TransportOutcome {
  return { kind: 'response', status, body }
}

export function problem(
  status: number,
  code: string,
  errors?: { field: string; code: string; message: string }[],
): TransportOutcome {
  return json(status, {
    type: `https://healthcode.example/problems/${code}`,
    title: `server title for ${code}`,
    status,
    detail: `server detail for ${code}`,
    code,
    ...(errors === undefined ? {} : { errors }),
  })
}

// Responds to `METHOD /path` with a fixed outcome or with the outcome a
// function returns for the request.
export type Routes = Record<
  string,
  TransportOutcome | ((request: HttpRequest) => TransportOutcome)
>

export function routeTransport(routes: Routes) {
  const requests: HttpRequest[] = []
  const transport = async (request: HttpRequest) => {
    requests.push(request)
    const path = request.url.replace(/^https?:\/\/[^/]+/, '')
    const key = `${request.method} ${path}`
    const route = routes[key]
    if (route === undefined) return json(404, { unexpected: key })
    return typeof route === 'function' ? route(request) : route
  }
  return { transport, requests }
}

export const NOW = new Date('2026-01-20T04:00:00Z')

export const SIGNED_IN: Session = {
  token: 'session-token',
  expiresAt: '2026-01-20T16:00:00Z',
  phone: '13800000003',
  registered: true,
  roles: ['resident'],
}

type Options = {
  routes: Routes
  language?: Language
  session?: Session
  // A clock for pages that tick; the fixed NOW otherwise.
  clock?: Clock
  // Storage left by an earlier run, such as queued redemptions.
  store?: ReturnType<typeof memoryStore>
  scanner?: Scanner
  savePoster?: PosterSaver
  // Result of every confirmation dialog, true when omitted.
  confirm?: boolean
}

// Keys numbered in the order they were created: key-0001, key-0002, ...
// long enough for the API's 16-character minimum.
function countingKeys() {
  let created = 0
  return () => {
    created += 1
    return `key-${String(created).padStart(4, '0')}-0000-0000`
  }
}

// Renders a page with real services around fakes: routes for the API, an
// in-memory store and a navigator that records where it was sent. `go`
// records the bare route; open, replace and back record `open:route`,
// `replace:route` and `back`. Parameters of `open` follow as a query,
// `open:route?id=d_1`.
export function renderPage(page: ReactElement, options: Options) {
  const store = options.store ?? memoryStore()
  const clock = options.clock ?? (() => NOW)
  const session = createSessionStore(store, clock)
  if (options.session !== undefined) session.save(options.session)

  const i18n = createI18n(options.language ?? 'zh')
  const { transport, requests } = routeTransport(options.routes)
  const api = createApiClient({
    baseUrl: 'http://api.test',
    transport,
    language: () => currentLanguage(i18n),
    token: () => session.load()?.token ?? null,
  })

  const routes: string[] = []
  const confirmations: ConfirmRequest[] = []
  const services: Services = {
    api,
    session,
    store,
    i18n,
    clock,
    navigator: {
      go: (route) => routes.push(route),
      open: (route, params) => {
        const query = new URLSearchParams(params).toString()
        routes.push(query === '' ? `open:${route}` : `open:${route}?${query}`)
      },
      replace: (route) => routes.push(`replace:${route}`),
      back: () => routes.push('back'),
    },
    scanner: options.scanner ?? { kind: 'paste' },
    newIdempotencyKey: countingKeys(),
    savePoster:
      options.savePoster ?? (async () => ({ kind: 'saved' }) as const),
    confirm: async (request) => {
      confirmations.push(request)
      return options.confirm ?? true
    },
  }

  const view = render(
    <ServicesContext.Provider value={services}>
      <I18nextProvider i18n={i18n}>{page}</I18nextProvider>
    </ServicesContext.Provider>,
  )
  return { ...view, services, requests, routes, store, confirmations }
}
