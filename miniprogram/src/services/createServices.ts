import { createApiClient } from '../api/client'
import { sendRequest } from '../api/transport'
import { taroConfirm } from '../components/confirm'
import { API_BASE } from '../config/apiBase'
import { createI18n, currentLanguage, loadLanguage } from '../i18n'
import { newIdempotencyKey } from '../ids/idempotencyKey'
import { taroNavigator } from '../navigation/routes'
import { savePoster } from '../poster/savePoster'
import { platformScanner } from '../scan/scanner'
import { createSessionStore } from '../session/session'
import { taroStore } from '../session/store'
import type { Services } from './services'

// Wires the real platform: Taro storage, requests, navigation, scanner,
// downloads and dialogs.
export function createServices(): Services {
  const clock = () => new Date()
  const store = taroStore
  const session = createSessionStore(store, clock)
  const i18n = createI18n(loadLanguage(store))
  const api = createApiClient({
    baseUrl: API_BASE,
    transport: sendRequest,
    language: () => currentLanguage(i18n),
    token: () => session.load()?.token ?? null,
  })
  return {
    api,
    session,
    store,
    i18n,
    navigator: taroNavigator,
    clock,
    scanner: platformScanner,
    newIdempotencyKey: () => newIdempotencyKey(),
    savePoster,
    confirm: taroConfirm,
  }
}
