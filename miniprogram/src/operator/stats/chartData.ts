import type { CityStats } from '../contract'

// One bar of a chart. `percent` is the bar's length relative to the
// longest bar of its chart, from 0 to 100.
export type Bar<K extends string = string> = {
  key: K
  value: number
  percent: number
}

// One day of the stacked case chart. The percents are lengths relative to
// the day with the most cases, so the two parts add up to the bar.
export type CaseDay = {
  date: string
  confirmed: number
  suspected: number
  total: number
  confirmedPercent: number
  suspectedPercent: number
}

export type ColorKey = 'green' | 'yellow' | 'red' | 'unrated'

const MS_PER_DAY = 86_400_000

function percentOf(value: number, max: number): number {
  if (max <= 0) return 0
  return Math.round((value / max) * 1000) / 10
}

function barsOf<K extends string>(
  entries: ReadonlyArray<readonly [K, number]>,
): Bar<K>[] {
  const max = Math.max(0, ...entries.map(([, value]) => value))
  return entries.map(([key, value]) => ({
    key,
    value,
    percent: percentOf(value, max),
  }))
}

// Lists every calendar date from `from` to `to`, both included, so days
// without data still get a bar of zero.
export function datesBetween(from: string, to: string): string[] {
  const start = Date.parse(`${from}T00:00:00Z`)
  const end = Date.parse(`${to}T00:00:00Z`)
  const dates: string[] = []
  for (let day = start; day <= end; day += MS_PER_DAY) {
    dates.push(new Date(day).toISOString().slice(0, 10))
  }
  return dates
}

// Residents by color, unrated last.
export function colorBars(
  residents: CityStats['residents'],
): Bar<ColorKey>[] {
  const keys: readonly ColorKey[] = ['green', 'yellow', 'red', 'unrated']
  return barsOf(keys.map((key) => [key, residents[key]] as const))
}

// Check-ins per day over the whole range, all venue types together.
export function checkinDayBars(stats: CityStats): Bar[] {
  const totals = new Map<string, number>()
  for (const entry of stats.checkins) {
    totals.set(entry.date, (totals.get(entry.date) ?? 0) + entry.count)
  }
  return barsOf(
    datesBetween(stats.from, stats.to).map(
      (date) => [date, totals.get(date) ?? 0] as const,
    ),
  )
}

// Check-ins per venue type over the range, the busiest type first and
// equal counts by type name.
export function venueTypeBars(stats: CityStats): Bar[] {
  const totals = new Map<string, number>()
  for (const entry of stats.checkins) {
    const total = totals.get(entry.venueType) ?? 0
    totals.set(entry.venueType, total + entry.count)
  }
  const sorted = [...totals].sort(
    ([typeA, countA], [typeB, countB]) =>
      countB - countA || typeA.localeCompare(typeB),
  )
  return barsOf(sorted)
}

// Confirmed and suspected cases per day over the whole range.
export function caseDays(stats: CityStats): CaseDay[] {
  const byDate = new Map(stats.cases.map((entry) => [entry.date, entry]))
  const days = datesBetween(stats.from, stats.to).map((date) => {
    const entry = byDate.get(date)
    const confirmed = entry?.confirmed ?? 0
    const suspected = entry?.suspected ?? 0
    return { date, confirmed, suspected, total: confirmed + suspected }
  })
  const max = Math.max(0, ...days.map((day) => day.total))
  return days.map((day) => ({
    ...day,
    confirmedPercent: percentOf(day.confirmed, max),
    suspectedPercent: percentOf(day.suspected, max),
  }))
}
