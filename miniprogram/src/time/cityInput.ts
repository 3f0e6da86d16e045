// Reads dates and times typed into plain text fields, in the city's time
// zone. Plain text rather than a picker lets people (and end-to-end tests)
// type the value, and the format is the same on every platform.

export type DateInputCode = 'required' | 'date_invalid'
export type DateTimeInputCode = 'required' | 'datetime_invalid'

export type CityDateInput =
  | { kind: 'ok'; date: string }
  | { kind: 'invalid'; code: DateInputCode }

export type CityDateTimeInput =
  // `instant` is ISO 8601 with the city's offset, `2026-02-10T14:30:00+08:00`.
  | { kind: 'ok'; instant: string }
  | { kind: 'invalid'; code: DateTimeInputCode }

// Asia/Shanghai has been UTC+8 without daylight saving time since 1991, so
// one fixed offset converts every wall-clock time of the city.
const CITY_OFFSET = '+08:00'

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[ T]+(\d{2}):(\d{2}))?$/

function isCalendarDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate()
  return day <= daysInMonth
}

// Reads `YYYY-MM-DD`, a day of the calendar. Surrounding spaces are
// ignored.
export function parseCityDate(text: string): CityDateInput {
  const trimmed = text.trim()
  if (trimmed === '') return { kind: 'invalid', code: 'required' }
  const match = DATE.exec(trimmed)
  if (match === null) return { kind: 'invalid', code: 'date_invalid' }
  const [, year, month, day] = match
  if (!isCalendarDate(Number(year), Number(month), Number(day))) {
    return { kind: 'invalid', code: 'date_invalid' }
  }
  return { kind: 'ok', date: trimmed }
}

// Reads `YYYY-MM-DD HH:mm` as a wall-clock time in Asia/Shanghai. A date
// alone means 00:00 of that day. `T` may replace the space.
export function parseCityDateTime(text: string): CityDateTimeInput {
  const trimmed = text.trim()
  if (trimmed === '') return { kind: 'invalid', code: 'required' }
  const match = DATE_TIME.exec(trimmed)
  if (match === null) return { kind: 'invalid', code: 'datetime_invalid' }
  const [, yearText, monthText, dayText, hourText, minuteText] = match
  const hour = hourText ?? '00'
  const minute = minuteText ?? '00'
  const valid =
    isCalendarDate(Number(yearText), Number(monthText), Number(dayText)) &&
    Number(hour) <= 23 &&
    Number(minute) <= 59
  if (!valid) return { kind: 'invalid', code: 'datetime_invalid' }
  const day = `${yearText}-${monthText}-${dayText}`
  return {
    kind: 'ok',
    instant: `${day}T${hour}:${minute}:00${CITY_OFFSET}`,
  }
}
