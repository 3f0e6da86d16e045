import i18next, { type i18n } from 'i18next'
import { initReactI18next } from 'react-i18next'
import { Language } from '../contract'
import type { KeyValueStore } from '../session/store'
import { en } from './en'
import { zh } from './zh'

const LANGUAGE_KEY = 'healthcode.language'

export const DEFAULT_LANGUAGE: Language = 'zh'

// Creates an i18next instance with both languages loaded, initialised
// synchronously so the first render already has its texts.
export function createI18n(language: Language): i18n {
  const instance = i18next.createInstance()
  void instance.use(initReactI18next).init({
    resources: { zh: { translation: zh }, en: { translation: en } },
    lng: language,
    fallbackLng: DEFAULT_LANGUAGE,
    supportedLngs: Language.options,
    initAsync: false,
    // React escapes the output already.
    interpolation: { escapeValue: false },
    // i18next 25 otherwise prints an advertisement to the console.
    showSupportNotice: false,
  })
  return instance
}

// Returns the stored language choice, Chinese when there is none.
export function loadLanguage(store: KeyValueStore): Language {
  const parsed = Language.safeParse(store.read(LANGUAGE_KEY))
  return parsed.success ? parsed.data : DEFAULT_LANGUAGE
}

// Switches the texts and stores the choice for the next launch.
export function switchLanguage(
  instance: i18n,
  store: KeyValueStore,
  language: Language,
): void {
  store.write(LANGUAGE_KEY, language)
  void instance.changeLanguage(language)
}

// Returns the language the texts are in, as the API's Accept-Language.
export function currentLanguage(instance: i18n): Language {
  const parsed = Language.safeParse(instance.resolvedLanguage)
  return parsed.success ? parsed.data : DEFAULT_LANGUAGE
}
