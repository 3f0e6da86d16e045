import { z } from 'zod'
import { CityRules } from './cityRules'
import hangzhou from './hangzhou.json'
import shanghai from './shanghai.json'

// Imported statically so that bundlers include every city's file.
const SOURCES: Readonly<Record<string, unknown>> = { hangzhou, shanghai }

export const cityIds: string[] = Object.keys(SOURCES)

const cache = new Map<string, CityRules>()

// Loads and validates the rules of a city. An unknown id or a file that
// fails the schema is a deployment defect, so both throw.
export function loadCityRules(id: string): CityRules {
  const cached = cache.get(id)
  if (cached !== undefined) return cached
  if (!Object.prototype.hasOwnProperty.call(SOURCES, id)) {
    throw new Error(
      `Unknown city "${id}": expected one of ${cityIds.join(', ')}`,
    )
  }
  const rules = parseCityRules(id, SOURCES[id])
  cache.set(id, rules)
  return rules
}

// Validates raw city rules, throwing an Error that names the city and every
// failing path.
export function parseCityRules(id: string, source: unknown): CityRules {
  const result = CityRules.safeParse(source)
  if (!result.success) {
    throw new Error(
      `Invalid rules for city "${id}":\n${z.prettifyError(result.error)}`,
    )
  }
  if (result.data.id !== id) {
    throw new Error(
      `Invalid rules for city "${id}": the file declares id ` +
        `"${result.data.id}"`,
    )
  }
  return result.data
}
