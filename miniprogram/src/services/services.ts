import type { i18n } from 'i18next'
import { createContext, useContext } from 'react'
import type { ApiClient } from '../api/client'
import type { Navigator } from '../navigation/routes'
import type { Clock, SessionStore } from '../session/session'
import type { KeyValueStore } from '../session/store'

// Everything a page needs from outside React, provided by the app and
// replaced by fakes in tests.
export type Services = {
  api: ApiClient
  session: SessionStore
  store: KeyValueStore
  i18n: i18n
  navigator: Navigator
  clock: Clock
}

export const ServicesContext = createContext<Services | null>(null)

export function useServices(): Services {
  const services = useContext(ServicesContext)
  if (services === null) {
    throw new Error('useServices needs a ServicesContext provider')
  }
  return services
}
