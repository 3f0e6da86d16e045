import type { VerdictCode } from '../api/checkpoint'
import type { Language } from '../api/schemas'
import texts from './verdictTexts.json'

// The message shown to a guard for each verdict code, in every language. The
// type makes a code missing from the JSON file a compile error.
const VERDICT_TEXTS: Readonly<
  Record<VerdictCode, Readonly<Record<Language, string>>>
> = texts

export function verdictText(code: VerdictCode, lang: Language): string {
  return VERDICT_TEXTS[code][lang]
}
