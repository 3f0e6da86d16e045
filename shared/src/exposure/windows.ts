import type { CityRules, RiskColor } from '../cities/cityRules'
import { addCityDays, startOfCityDay } from '../time/cityTime'
import { minutesToMs, visitEndMs, type Visit } from './visits'

export type CaseKind = 'confirmed' | 'suspected'

export type CaseInfo = {
  kind: CaseKind
  // Day of symptom onset, or of the sample for a case without symptoms.
  onset: Date
  caseRef: string
  // The case's own resident, whose visits are never exposures to itself.
  residentRef: string
}

export type RiskSource =
  | { kind: 'case'; caseRef: string; caseKind: CaseKind; residentRef: string }
  | { kind: 'venue'; riskRef: string }

// A period [start, end) in which being at a venue is a risk. `level` is
// the highest color an exposure to it can give.
export type RiskWindow = {
  venueId: string
  start: Date
  end: Date
  level: RiskColor
  source: RiskSource
}

type Span = { venueId: string; startMs: number; endMs: number }

// Returns the first instant at which a case's visits count: the start of
// the city day `infectiousDaysBeforeOnset` days before the day of onset.
export function infectiousFrom(
  onset: Date,
  rules: Pick<CityRules, 'exposure' | 'timeZone'>,
): Date {
  const onsetDay = startOfCityDay(onset, rules.timeZone)
  const days = -rules.exposure.infectiousDaysBeforeOnset
  return addCityDays(onsetDay, days, rules.timeZone)
}

// Turns a case's visits into risk windows: each visit from the start of the
// infectious period, extended by bufferMinutes after the case left. Visits
// that start after `now` are ignored. Windows of one venue that overlap or
// touch are merged, so a contact's overlap with both counts as one. The
// result is sorted by venue, then start.
export function windowsFromCase(
  caseVisits: readonly Visit[],
  caseInfo: CaseInfo,
  rules: Pick<CityRules, 'checkin' | 'exposure' | 'timeZone'>,
  now: Date,
): RiskWindow[] {
  const fromMs = infectiousFrom(caseInfo.onset, rules).getTime()
  const bufferMs = minutesToMs(rules.exposure.bufferMinutes)
  const spans: Span[] = []
  for (const visit of caseVisits) {
    if (visit.residentRef !== caseInfo.residentRef) {
      throw new Error('windowsFromCase needs visits of the case only')
    }
    const startMs = visit.start.getTime()
    if (startMs > now.getTime()) continue
    const endMs = visitEndMs(visit, startMs, rules)
    if (endMs <= fromMs) continue
    spans.push({
      venueId: visit.venueId,
      startMs: Math.max(startMs, fromMs),
      endMs: endMs + bufferMs,
    })
  }
  const source: RiskSource = {
    kind: 'case',
    caseRef: caseInfo.caseRef,
    caseKind: caseInfo.kind,
    residentRef: caseInfo.residentRef,
  }
  const level = rules.exposure.contactColor[caseInfo.kind]
  return mergeSpans(spans).map((span) => ({
    venueId: span.venueId,
    start: new Date(span.startMs),
    end: new Date(span.endMs),
    level,
    source,
  }))
}

function mergeSpans(spans: Span[]): Span[] {
  const sorted = [...spans].sort(
    (a, b) =>
      compareStrings(a.venueId, b.venueId) ||
      a.startMs - b.startMs ||
      a.endMs - b.endMs,
  )
  const merged: Span[] = []
  for (const span of sorted) {
    const last = merged[merged.length - 1]
    if (last?.venueId === span.venueId && span.startMs <= last.endMs) {
      last.endMs = Math.max(last.endMs, span.endMs)
    } else {
      merged.push({ ...span })
    }
  }
  return merged
}

// Orders by UTF-16 code units, which unlike localeCompare does not depend
// on the runtime's locale data.
export function compareStrings(a: string, b: string): number {
  if (a < b) return -1
  return a > b ? 1 : 0
}
