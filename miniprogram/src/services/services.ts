import type { i18n } from 'i18next'
import { createContext, useContext } from 'react'
import type { ApiClient } from '../api/client'
import type { Confirm } from '../components/confirm'
import type { Navigator } from '../navigation/routes'
import type { PosterSaver } from '../poster/types'
import type { Scanner } from '../scan/types'
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
  scanner: Scanner
  // Creates the Idempotency-Key of a new check-in.
  newIdempotencyKey: () => string
  savePoster: PosterSaver
  confirm: Confirm
}

export const ServicesContext = createContext<Services | null>(null)

export function useServices(): Services {
  const services = useContext(ServicesContext)
  if (services === null) {
    throw new Error('useServices needs a ServicesContext provider')
  }
  return services
}
