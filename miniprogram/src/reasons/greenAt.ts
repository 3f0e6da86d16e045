import type { TFunction } from 'i18next'
import type { Color, Language } from '../contract'
import { formatCityDateTime } from '../time/cityTime'

// Returns the text stating when a code turns green. `until` is that
// instant, as the status carries it, and is shown in Asia/Shanghai.
export function greenAtText(
  t: TFunction,
  color: Color,
  until: string | null,
  lang: Language,
): string {
  if (color === 'green') return t('home.greenNow')
  if (until === null) return t('home.noChange')
  return t('home.until', { time: formatCityDateTime(until, lang) })
}
