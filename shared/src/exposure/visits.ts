import type { CityRules } from '../cities/cityRules'

const MS_PER_MINUTE = 60_000

// A stay at a venue, from check-in to check-out. `end` is null when the
// person did not check out.
export type Visit = {
  residentRef: string
  venueId: string
  start: Date
  end: Date | null
}

// A half-open interval [start, end).
export type Interval = readonly [start: Date, end: Date]

// Returns the time a visit is taken to cover. Without a check-out, or with
// a check-out not after the check-in (a wrong device clock), the visit
// lasts checkin.defaultStayMinutes, so bad data widens rather than hides
// a possible contact.
export function visitInterval(
  visit: Visit,
  rules: Pick<CityRules, 'checkin'>,
): Interval {
  const startMs = visit.start.getTime()
  return [visit.start, new Date(visitEndMs(visit, startMs, rules))]
}

export function visitEndMs(
  visit: Visit,
  startMs: number,
  rules: Pick<CityRules, 'checkin'>,
): number {
  const endMs = visit.end === null ? startMs : visit.end.getTime()
  if (endMs > startMs) return endMs
  return startMs + rules.checkin.defaultStayMinutes * MS_PER_MINUTE
}

// Returns how long two half-open intervals overlap, in minutes, fractions
// included. Intervals that only touch overlap 0 minutes.
export function overlapMinutes(a: Interval, b: Interval): number {
  const overlapMs = overlapMsOf(
    a[0].getTime(),
    a[1].getTime(),
    b[0].getTime(),
    b[1].getTime(),
  )
  return overlapMs / MS_PER_MINUTE
}

export function overlapMsOf(
  aStart: number,
  aEnd: number,
  bStart: number,
  bEnd: number,
): number {
  return Math.max(0, Math.min(aEnd, bEnd) - Math.max(aStart, bStart))
}

export function minutesToMs(minutes: number): number {
  return minutes * MS_PER_MINUTE
}
