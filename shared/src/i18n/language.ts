import type { Language } from '../api/schemas'

export const DEFAULT_LANGUAGE: Language = 'zh'

type Preference = { tag: string; quality: number; position: number }

// Picks zh or en from an Accept-Language header. Ranges are taken in order
// of their q values (ties keep header order). The first range for English
// or Chinese decides, and anything else falls back to Chinese.
export function pickLanguage(acceptLanguage: string | undefined): Language {
  const preferences = parsePreferences(acceptLanguage ?? '')
    .filter((preference) => preference.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.position - b.position)
  for (const preference of preferences) {
    const primary = preference.tag.split('-')[0]
    if (primary === 'en' || primary === 'zh') return primary
  }
  return DEFAULT_LANGUAGE
}

function parsePreferences(header: string): Preference[] {
  return header.split(',').flatMap((range, position) => {
    const [tag = '', ...parameters] = range.trim().toLowerCase().split(';')
    if (tag === '') return []
    return [{ tag, quality: qualityOf(parameters), position }]
  })
}

// Reads q from the parameters of a range; missing or unreadable means 1.
function qualityOf(parameters: string[]): number {
  for (const parameter of parameters) {
    const [name, value] = parameter.split('=').map((part) => part.trim())
    if (name === 'q' && value !== undefined && /^\d(\.\d{0,3})?$/.test(value)) {
      return Math.min(1, Number(value))
    }
  }
  return 1
}
