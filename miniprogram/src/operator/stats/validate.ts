import type { LocalInvalid } from '../../api/failure'
import { parseCityDate } from '../../time/cityInput'
import { MAX_CITY_STATS_DAYS, type CityStatsQuery } from '../contract'
import { datesBetween } from './chartData'

export type ValidatedRange = { kind: 'ok'; query: CityStatsQuery }

// Checks a statistics range: two dates, the end not before the start, and
// at most MAX_CITY_STATS_DAYS days, as the API allows.
export function validateStatsRange(
  fromText: string,
  toText: string,
): ValidatedRange | LocalInvalid {
  const from = parseCityDate(fromText)
  const to = parseCityDate(toText)
  const fields: { field: string; code: string }[] = []
  if (from.kind === 'invalid') fields.push({ field: 'from', code: from.code })
  if (to.kind === 'invalid') fields.push({ field: 'to', code: to.code })
  if (from.kind === 'invalid' || to.kind === 'invalid') {
    return { kind: 'invalid', fields }
  }
  if (to.date < from.date) {
    return {
      kind: 'invalid',
      fields: [{ field: 'to', code: 'end_not_after_start' }],
    }
  }
  if (datesBetween(from.date, to.date).length > MAX_CITY_STATS_DAYS) {
    return {
      kind: 'invalid',
      fields: [{ field: 'to', code: 'range_too_long' }],
    }
  }
  return { kind: 'ok', query: { from: from.date, to: to.date } }
}
