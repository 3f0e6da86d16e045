import type { StatsQuery } from '../contract'
import { cityWallTime } from './cityTime'

const MS_PER_DAY = 86_400_000

const pad = (value: number) => String(value).padStart(2, '0')

function isoDate(utcMs: number): string {
  const date = new Date(utcMs)
  const month = pad(date.getUTCMonth() + 1)
  return `${date.getUTCFullYear()}-${month}-${pad(date.getUTCDate())}`
}

// Returns the `days` city dates that end today, as the stats query takes
// them. Asia/Shanghai has no daylight saving time, so a city day is always
// 24 hours.
export function lastCityDays(now: Date, days: number): StatsQuery {
  const wall = cityWallTime(now)
  const today = Date.UTC(wall.year, wall.month - 1, wall.day)
  return {
    from: isoDate(today - (days - 1) * MS_PER_DAY),
    to: isoDate(today),
  }
}
