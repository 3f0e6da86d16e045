// Calendar arithmetic in a named IANA time zone. Only Intl.DateTimeFormat is
// used, so the code works for zones with daylight saving time too, although
// Asia/Shanghai has none today.
// NOTE: this needs an Intl with time zone data. Node and current mini-program
// runtimes ship one, but a runtime built without full ICU will throw a
// RangeError here.

const MS_PER_DAY = 86_400_000

type WallTime = {
  year: number
  month: number
  day: number
  hour: number
  minute: number
  second: number
}

const formatters = new Map<string, Intl.DateTimeFormat>()

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone)
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    })
    formatters.set(timeZone, formatter)
  }
  return formatter
}

function wallTimeAt(instantMs: number, timeZone: string): WallTime {
  const parts = formatterFor(timeZone).formatToParts(new Date(instantMs))
  const value = (type: Intl.DateTimeFormatPartTypes): number => {
    const part = parts.find((candidate) => candidate.type === type)
    if (part === undefined) {
      throw new Error(`Intl.DateTimeFormat returned no ${type} part`)
    }
    return Number(part.value)
  }
  return {
    year: value('year'),
    month: value('month'),
    day: value('day'),
    // Some engines print midnight as 24 even with hourCycle h23.
    hour: value('hour') % 24,
    minute: value('minute'),
    second: value('second'),
  }
}

function wallTimeAsUtcMs(wall: WallTime): number {
  const date = new Date(0)
  // setUTCFullYear keeps years 0-99 literal, which Date.UTC would not.
  date.setUTCFullYear(wall.year, wall.month - 1, wall.day)
  date.setUTCHours(wall.hour, wall.minute, wall.second, 0)
  return date.getTime()
}

// Offset of the zone from UTC at an instant, in milliseconds, whole minutes.
function offsetAt(instantMs: number, timeZone: string): number {
  const flooredMs = Math.floor(instantMs / 1000) * 1000
  return wallTimeAsUtcMs(wallTimeAt(flooredMs, timeZone)) - flooredMs
}

// Finds the instant at which the zone's clocks show a wall time, given as
// milliseconds of that wall time read as UTC. A wall time shown twice (when
// clocks go back) resolves to the earlier instant. A wall time skipped (when
// clocks go forward) resolves to the instant of the change, the first
// instant after the gap.
function instantOfWallTime(wallMs: number, timeZone: string): number {
  const offsetBefore = offsetAt(wallMs - MS_PER_DAY, timeZone)
  const offsetAfter = offsetAt(wallMs + MS_PER_DAY, timeZone)
  const candidates = [wallMs - offsetBefore, wallMs - offsetAfter]
    .filter((instant) => instant + offsetAt(instant, timeZone) === wallMs)
    .sort((a, b) => a - b)
  const first = candidates[0]
  if (first !== undefined) return first
  return instantOfChange(wallMs - offsetAfter, wallMs - offsetBefore, timeZone)
}

// Binary search, to the second, for the first instant in (before, after]
// whose offset differs from the offset at `before`.
function instantOfChange(
  before: number,
  after: number,
  timeZone: string,
): number {
  const offsetBefore = offsetAt(before, timeZone)
  let low = before
  let high = after
  while (high - low > 1000) {
    const middle = low + Math.floor((high - low) / 2000) * 1000
    if (offsetAt(middle, timeZone) === offsetBefore) low = middle
    else high = middle
  }
  return high
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0')
}

// Returns the calendar date (YYYY-MM-DD) of an instant in a time zone.
export function cityDate(instant: Date, timeZone: string): string {
  const wall = wallTimeAt(instant.getTime(), timeZone)
  return `${pad(wall.year, 4)}-${pad(wall.month, 2)}-${pad(wall.day, 2)}`
}

// Returns the first instant of the calendar day that contains `instant` in
// the time zone.
export function startOfCityDay(instant: Date, timeZone: string): Date {
  const wall = wallTimeAt(instant.getTime(), timeZone)
  const midnight = { ...wall, hour: 0, minute: 0, second: 0 }
  return new Date(instantOfWallTime(wallTimeAsUtcMs(midnight), timeZone))
}

// Moves an instant by whole calendar days in the time zone, keeping its wall
// time, so a local midnight stays a local midnight across a DST change. If
// the wall time does not exist on the target day, the result is the instant
// the clocks changed, the first instant after the gap.
export function addCityDays(
  instant: Date,
  days: number,
  timeZone: string,
): Date {
  if (!Number.isInteger(days)) {
    throw new Error(`addCityDays needs whole days, got ${days}`)
  }
  const instantMs = instant.getTime()
  const wallMs = instantMs + offsetAt(instantMs, timeZone)
  const subSecondMs = ((instantMs % 1000) + 1000) % 1000
  const targetWallMs = wallMs - subSecondMs + days * MS_PER_DAY
  return new Date(instantOfWallTime(targetWallMs, timeZone) + subSecondMs)
}
