import type { CityRules, RiskColor } from '../cities/cityRules'
import { MinHeap } from './minHeap'
import {
  minutesToMs,
  overlapMsOf,
  visitEndMs,
  type Visit,
} from './visits'
import { compareStrings, type RiskWindow } from './windows'

// Overlap of one visit with one risk window. `start` and `end` bound the
// overlap and `overlapMinutes` is its length, fractions included.
export type Exposure = {
  residentRef: string
  venueId: string
  window: RiskWindow
  overlapMinutes: number
  color: RiskColor
  start: Date
  end: Date
}

type WindowSpan = { window: RiskWindow; startMs: number; endMs: number }
type VisitSpan = { visit: Visit; startMs: number; endMs: number }

type MatchRules = Pick<CityRules, 'checkin' | 'exposure'>

// Finds every visit that overlaps a risk window at least
// minOverlapMinutes.yellow. Visits of a case to its own windows are left
// out. Only visits at venues with a window are sorted and swept, so the
// cost is one pass over `visits` plus O(k log k + pairs) for the k visits
// at those venues. The result is sorted by resident, venue, start, end and
// window, whatever the order of the input.
export function matchExposures(
  windows: readonly RiskWindow[],
  visits: readonly Visit[],
  rules: MatchRules,
): Exposure[] {
  const windowsByVenue = groupWindows(windows)
  const visitsByVenue = new Map<string, VisitSpan[]>()
  for (const visit of visits) {
    if (!windowsByVenue.has(visit.venueId)) continue
    const startMs = visit.start.getTime()
    const span = { visit, startMs, endMs: visitEndMs(visit, startMs, rules) }
    const spans = visitsByVenue.get(visit.venueId)
    if (spans === undefined) visitsByVenue.set(visit.venueId, [span])
    else spans.push(span)
  }
  const exposures: Exposure[] = []
  for (const [venueId, visitSpans] of visitsByVenue) {
    const windowSpans = windowsByVenue.get(venueId) ?? []
    sweepVenue(windowSpans, visitSpans, (windowSpan, visitSpan) => {
      const exposure = exposureOf(windowSpan, visitSpan, rules)
      if (exposure !== null) exposures.push(exposure)
    })
  }
  return exposures.sort(compareExposures)
}

function groupWindows(
  windows: readonly RiskWindow[],
): Map<string, WindowSpan[]> {
  const byVenue = new Map<string, WindowSpan[]>()
  for (const window of windows) {
    const startMs = window.start.getTime()
    const endMs = window.end.getTime()
    if (endMs <= startMs) continue
    const span = { window, startMs, endMs }
    const spans = byVenue.get(window.venueId)
    if (spans === undefined) byVenue.set(window.venueId, [span])
    else spans.push(span)
  }
  return byVenue
}

const byStart = (a: { startMs: number }, b: { startMs: number }): number =>
  a.startMs - b.startMs

// Sweeps the intervals of one venue in order of start. Each interval, when
// it starts, is paired with the intervals of the other kind still running,
// so every overlapping pair is reported exactly once. Visits wait in a heap
// keyed by end, so the ones that ended are dropped in O(log k) each.
function sweepVenue(
  windows: WindowSpan[],
  visits: VisitSpan[],
  onPair: (window: WindowSpan, visit: VisitSpan) => void,
): void {
  windows.sort(byStart)
  visits.sort(byStart)
  const activeWindows: WindowSpan[] = []
  const activeVisits = new MinHeap<VisitSpan>((visit) => visit.endMs)
  let windowIndex = 0
  let visitIndex = 0
  for (;;) {
    const window = windows[windowIndex]
    const visit = visits[visitIndex]
    if (window !== undefined && (!visit || window.startMs <= visit.startMs)) {
      windowIndex += 1
      activeVisits.popWhileKeyAtMost(window.startMs)
      for (const running of activeVisits.items) onPair(window, running)
      activeWindows.push(window)
    } else if (visit !== undefined) {
      visitIndex += 1
      dropEnded(activeWindows, visit.startMs)
      // No window is running or left to start, so no later visit matches.
      if (activeWindows.length === 0 && window === undefined) return
      for (const running of activeWindows) onPair(running, visit)
      activeVisits.push(visit)
    } else {
      return
    }
  }
}

// Removes, in place, the windows that end at or before `instantMs`.
function dropEnded(windows: WindowSpan[], instantMs: number): void {
  let keptCount = 0
  for (const window of windows) {
    if (window.endMs > instantMs) {
      windows[keptCount] = window
      keptCount += 1
    }
  }
  windows.length = keptCount
}

function exposureOf(
  windowSpan: WindowSpan,
  visitSpan: VisitSpan,
  rules: MatchRules,
): Exposure | null {
  const { window } = windowSpan
  const { visit } = visitSpan
  const source = window.source
  if (source.kind === 'case' && source.residentRef === visit.residentRef) {
    return null
  }
  const overlapMs = overlapMsOf(
    windowSpan.startMs,
    windowSpan.endMs,
    visitSpan.startMs,
    visitSpan.endMs,
  )
  const color = colorForOverlap(window.level, overlapMs, rules)
  if (color === null) return null
  return {
    residentRef: visit.residentRef,
    venueId: visit.venueId,
    window,
    overlapMinutes: overlapMs / minutesToMs(1),
    color,
    start: new Date(Math.max(windowSpan.startMs, visitSpan.startMs)),
    end: new Date(Math.min(windowSpan.endMs, visitSpan.endMs)),
  }
}

// Returns the color an overlap gives, or null below the yellow minimum.
// A window's level caps the color: a yellow window never gives red.
export function colorForOverlap(
  level: RiskColor,
  overlapMs: number,
  rules: Pick<CityRules, 'exposure'>,
): RiskColor | null {
  const minimum = rules.exposure.minOverlapMinutes
  if (level === 'red' && overlapMs >= minutesToMs(minimum.red)) return 'red'
  return overlapMs >= minutesToMs(minimum.yellow) ? 'yellow' : null
}

function sourceKey(window: RiskWindow): string {
  const source = window.source
  return source.kind === 'case'
    ? `case|${source.caseRef}`
    : `venue|${source.riskRef}`
}

function compareExposures(a: Exposure, b: Exposure): number {
  return (
    compareStrings(a.residentRef, b.residentRef) ||
    compareStrings(a.venueId, b.venueId) ||
    a.start.getTime() - b.start.getTime() ||
    a.end.getTime() - b.end.getTime() ||
    a.window.start.getTime() - b.window.start.getTime() ||
    a.window.end.getTime() - b.window.end.getTime() ||
    compareStrings(a.window.level, b.window.level) ||
    compareStrings(sourceKey(a.window), sourceKey(b.window))
  )
}
