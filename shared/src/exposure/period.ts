import type {
  CityRules,
  LocalizedText,
  RiskColor,
} from '../cities/cityRules'
import { addCityDays, cityDate, startOfCityDay } from '../time/cityTime'

const clockFormatters = new Map<string, Intl.DateTimeFormat>()

// Returns the wall-clock time (HH:MM, 24-hour) of an instant in a zone.
export function cityClock(instant: Date, timeZone: string): string {
  let formatter = clockFormatters.get(timeZone)
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      hour: '2-digit',
      minute: '2-digit',
    })
    clockFormatters.set(timeZone, formatter)
  }
  const parts = formatter.formatToParts(instant)
  const part = (type: 'hour' | 'minute'): string => {
    const found = parts.find((candidate) => candidate.type === type)
    if (found === undefined) {
      throw new Error(`Intl.DateTimeFormat returned no ${type} part`)
    }
    // Some engines print midnight as 24 even with hourCycle h23.
    return type === 'hour' && found.value === '24' ? '00' : found.value
  }
  return `${part('hour')}:${part('minute')}`
}

// Describes [start, end) in the city's time zone, minutes truncated:
// "on 2026-02-10 between 14:00 and 14:45", across midnight "between
// 2026-02-10 23:50 and 2026-02-11 00:40", and within one minute "on
// 2026-02-10 at 14:30".
export function describePeriod(
  start: Date,
  end: Date,
  timeZone: string,
): LocalizedText {
  const startDay = cityDate(start, timeZone)
  const endDay = cityDate(end, timeZone)
  const from = cityClock(start, timeZone)
  const to = cityClock(end, timeZone)
  // A sighting from another agency's records is an instant, not a visit.
  if (startDay === endDay && from === to) {
    return { zh: `${startDay} ${from}`, en: `on ${startDay} at ${from}` }
  }
  if (startDay === endDay) {
    return {
      zh: `${startDay} ${from}至${to}`,
      en: `on ${startDay} between ${from} and ${to}`,
    }
  }
  return {
    zh: `${startDay} ${from}至${endDay} ${to}`,
    en: `between ${startDay} ${from} and ${endDay} ${to}`,
  }
}

// Returns the period a color lasts for a risk at `instant`: from the start
// of its day in the city until `days + 1` calendar days later, as for a
// questionnaire answer.
export function riskPeriod(
  rules: Pick<CityRules, 'colors' | 'timeZone'>,
  instant: Date,
  color: RiskColor,
): { since: Date; until: Date } {
  const since = startOfCityDay(instant, rules.timeZone)
  const days = rules.colors[color].days + 1
  return { since, until: addCityDays(since, days, rules.timeZone) }
}
