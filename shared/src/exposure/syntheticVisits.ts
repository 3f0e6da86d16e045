import type { CityRules } from '../cities/cityRules'
import type { Visit } from './visits'
import { windowsFromCase, type RiskWindow } from './windows'

// Seeded check-ins and risk windows for the matcher's tests and benchmark.
// Times fall on whole minutes, so visits often touch windows exactly.

const MS_PER_MINUTE = 60_000

export type SyntheticOptions = {
  seed: number
  visits: number
  venues: number
  residents: number
  // Residents r0, r1, ... who become cases, and the windows of their visits.
  cases: number
  venueWindows: number
  days: number
  // Share of visits without check-out.
  noCheckoutShare: number
}

// Mulberry32, a 32-bit generator whose output depends only on the seed.
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let value = state
    value = Math.imul(value ^ (value >>> 15), value | 1)
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61)
    return ((value ^ (value >>> 14)) >>> 0) / 4_294_967_296
  }
}

export function syntheticData(
  options: SyntheticOptions,
  rules: Pick<CityRules, 'checkin' | 'exposure' | 'timeZone'>,
  from: Date,
): { visits: Visit[]; windows: RiskWindow[] } {
  const random = seededRandom(options.seed)
  const whole = (below: number): number => Math.floor(random() * below)
  const minutes = options.days * 1440
  const fromMs = from.getTime()
  const visits: Visit[] = []
  for (let index = 0; index < options.visits; index += 1) {
    const startMs = fromMs + whole(minutes) * MS_PER_MINUTE
    const stay = 1 + whole(180)
    const noCheckout = random() < options.noCheckoutShare
    visits.push({
      residentRef: `r${whole(options.residents)}`,
      venueId: `v${whole(options.venues)}`,
      start: new Date(startMs),
      end: noCheckout ? null : new Date(startMs + stay * MS_PER_MINUTE),
    })
  }
  const now = new Date(fromMs + minutes * MS_PER_MINUTE)
  const windows: RiskWindow[] = []
  for (let index = 0; index < options.cases; index += 1) {
    const residentRef = `r${index}`
    const own = visits.filter((visit) => visit.residentRef === residentRef)
    const caseInfo = {
      kind: index % 3 === 0 ? ('suspected' as const) : ('confirmed' as const),
      onset: new Date(fromMs + whole(minutes) * MS_PER_MINUTE),
      caseRef: `case-${index}`,
      residentRef,
    }
    windows.push(...windowsFromCase(own, caseInfo, rules, now))
  }
  for (let index = 0; index < options.venueWindows; index += 1) {
    const startMs = fromMs + whole(minutes) * MS_PER_MINUTE
    windows.push({
      venueId: `v${whole(options.venues)}`,
      start: new Date(startMs),
      end: new Date(startMs + (30 + whole(210)) * MS_PER_MINUTE),
      level: random() < 0.5 ? 'yellow' : 'red',
      source: { kind: 'venue', riskRef: `risk-${index}` },
    })
  }
  return { visits, windows }
}
