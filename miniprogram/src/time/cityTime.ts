import type { Language } from '../contract'

// Every stage is a city in mainland China, where all clocks follow
// Asia/Shanghai.
export const CITY_TIME_ZONE = 'Asia/Shanghai'

// Asia/Shanghai has been UTC+8 without daylight saving time since 1991.
const CITY_OFFSET_MS = 8 * 60 * 60 * 1000

type WallTime = {
  year: number
  month: number
  day: number
  hour: number
  minute: number
  second: number
}

let formatter: Intl.DateTimeFormat | null | undefined

// Returns a formatter for the city's zone, or null when the runtime's Intl
// has no time zone data (a RangeError on construction).
function cityFormatter(): Intl.DateTimeFormat | null {
  if (formatter !== undefined) return formatter
  try {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: CITY_TIME_ZONE,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    })
  } catch {
    formatter = null
  }
  return formatter
}

function wallTimeFromIntl(format: Intl.DateTimeFormat, date: Date): WallTime {
  const parts = format.formatToParts(date)
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    Number(parts.find((candidate) => candidate.type === type)?.value)
  return {
    year: part('year'),
    month: part('month'),
    day: part('day'),
    // Some engines print midnight as 24 even with hourCycle h23.
    hour: part('hour') % 24,
    minute: part('minute'),
    second: part('second'),
  }
}

function wallTimeFromOffset(date: Date): WallTime {
  const shifted = new Date(date.getTime() + CITY_OFFSET_MS)
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    hour: shifted.getUTCHours(),
    minute: shifted.getUTCMinutes(),
    second: shifted.getUTCSeconds(),
  }
}

// Returns the wall-clock time of an instant in the city, whatever the time
// zone of the device.
export function cityWallTime(date: Date): WallTime {
  const format = cityFormatter()
  return format === null
    ? wallTimeFromOffset(date)
    : wallTimeFromIntl(format, date)
}

const pad = (value: number) => String(value).padStart(2, '0')

// Formats an ISO 8601 instant as date and time in the city:
// `2026年1月27日 08:00` in Chinese, `2026-01-27 08:00` in English.
export function formatCityDateTime(iso: string, lang: Language): string {
  const wall = cityWallTime(new Date(iso))
  const time = `${pad(wall.hour)}:${pad(wall.minute)}`
  if (lang === 'zh') {
    return `${wall.year}年${wall.month}月${wall.day}日 ${time}`
  }
  return `${wall.year}-${pad(wall.month)}-${pad(wall.day)} ${time}`
}

// Formats an ISO 8601 instant as the time of day in the city, `08:00:30`.
export function formatCityClock(iso: string): string {
  const wall = cityWallTime(new Date(iso))
  return `${pad(wall.hour)}:${pad(wall.minute)}:${pad(wall.second)}`
}
