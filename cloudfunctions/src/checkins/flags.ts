import type { CheckinFlag, CityRules, Coordinates } from '@healthcode/shared'

const EARTH_RADIUS_KM = 6371.0088
const HOUR_MS = 3_600_000
// Two check-ins in the same second count as one second apart, so the
// speed stays finite.
const MIN_ELAPSED_MS = 1000

/** Returns the great-circle distance between two points, in kilometres. */
export function distanceKm(a: Coordinates, b: Coordinates): number {
  const radians = (degrees: number) => (degrees * Math.PI) / 180
  const dLat = radians(b.lat - a.lat)
  const dLng = radians(b.lng - a.lng)
  const h =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(radians(a.lat)) * Math.cos(radians(b.lat)) *
      Math.sin(dLng / 2) ** 2
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)))
}

export type FlagInput = {
  at: Date
  position: Coordinates | undefined
  // The resident's check-in before this one, if any.
  previous: { at: Date; position: Coordinates | undefined } | null
  clientTime: Date | undefined
}

/**
 * Returns the review flags of a new check-in. A flag is a note for health
 * officers and never changes a color.
 */
export function flagsOf(rules: CityRules, input: FlagInput): CheckinFlag[] {
  const flags: CheckinFlag[] = []
  if (isImplausibleTravel(rules, input)) flags.push('implausible_travel')
  if (input.clientTime !== undefined) {
    const skewMs = Math.abs(input.clientTime.getTime() - input.at.getTime())
    if (skewMs > rules.checkin.clockSkewSeconds * 1000) {
      flags.push('client_clock_skew')
    }
  }
  return flags
}

// Travel faster than the city's maximum speed between the previous
// check-in and this one, when both have a position.
function isImplausibleTravel(rules: CityRules, input: FlagInput): boolean {
  const previous = input.previous
  if (previous === null) return false
  if (previous.position === undefined || input.position === undefined) {
    return false
  }
  const km = distanceKm(previous.position, input.position)
  const elapsedMs = Math.max(
    input.at.getTime() - previous.at.getTime(),
    MIN_ELAPSED_MS,
  )
  return km / (elapsedMs / HOUR_MS) > rules.checkin.maxSpeedKmh
}
