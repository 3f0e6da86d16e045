import 'i18next'
import type { operatorZh } from '../operator/i18n/zh'
import type { zh } from './zh'

// Lets `t` check its keys against the Chinese texts at compile time. The
// operator texts are a namespace of their own, added when the operator
// subpackage loads.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation'
    resources: { translation: typeof zh; operator: typeof operatorZh }
  }
}
