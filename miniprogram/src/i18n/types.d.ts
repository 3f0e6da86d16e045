import 'i18next'
import type { zh } from './zh'

// Lets `t` check its keys against the Chinese texts at compile time.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation'
    resources: { translation: typeof zh }
  }
}
