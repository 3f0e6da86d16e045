import { describe, expect, it } from 'vitest'
import * as shared from '../index'

// Other workspaces import these names from @healthcode/shared.
const FUNCTIONS = [
  'visitInterval',
  'overlapMinutes',
  'windowsFromCase',
  'matchExposures',
  'exposureFact',
  'exposureReason',
  'caseReason',
  'parseTravelRecordsCsv',
  'toCsv',
  'canAddDependent',
  'householdReasons',
  'coResidentReason',
] as const

describe('public API of exposures, CSV and households', () => {
  it.each(FUNCTIONS)('exports the function %s', (name) => {
    expect(typeof shared[name]).toBe('function')
  })

  it.each(['ExposureRules', 'HouseholdRules'] as const)(
    'exports the zod schema %s',
    (name) => {
      expect(typeof shared[name].safeParse).toBe('function')
    },
  )
})
