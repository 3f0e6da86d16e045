// Times matchExposures on seeded check-ins. Run from the repository root:
//   npx vite-node bench/exposure.bench.ts
// Each size is matched three times after one warm-up run, and the median
// is printed with the number of windows and exposures found.
import { loadCityRules } from '../shared/src/cities/loadCityRules'
import { matchExposures } from '../shared/src/exposure/match'
import { syntheticData } from '../shared/src/exposure/syntheticVisits'

const rules = loadCityRules('hangzhou')
const FROM = new Date('2026-02-01T00:00:00+08:00')
const RUNS = 3

// The second size spreads a million check-ins over ten times the venues,
// so each venue has as many visits as at 100,000. The third keeps 300
// venues, so the windows' venues hold ten times the visits.
const SIZES = [
  { visits: 100_000, venues: 300, residents: 20_000 },
  { visits: 1_000_000, venues: 3_000, residents: 200_000 },
  { visits: 1_000_000, venues: 300, residents: 200_000 },
]

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN
}

for (const size of SIZES) {
  const { visits, windows } = syntheticData(
    {
      seed: 20260210,
      ...size,
      cases: 8,
      venueWindows: 12,
      days: 7,
      noCheckoutShare: 0.1,
    },
    rules,
    FROM,
  )
  let exposures = matchExposures(windows, visits, rules)
  const times: number[] = []
  for (let run = 0; run < RUNS; run += 1) {
    const started = performance.now()
    exposures = matchExposures(windows, visits, rules)
    times.push(performance.now() - started)
  }
  console.log(
    `${size.visits} check-ins, ${size.venues} venues, ` +
      `${windows.length} windows: ${exposures.length} exposures, ` +
      `median ${median(times).toFixed(1)} ms ` +
      `(runs ${times.map((time) => time.toFixed(1)).join(', ')})`,
  )
}
