import type { CityRules } from '../cities/cityRules'

export type DependentCheck =
  | { kind: 'allowed' }
  | { kind: 'limit_reached'; maxDependents: number }

// Checks whether an account with `currentCount` dependents may add one
// more under households.maxDependents.
export function canAddDependent(
  rules: Pick<CityRules, 'households'>,
  currentCount: number,
): DependentCheck {
  if (!Number.isInteger(currentCount) || currentCount < 0) {
    throw new Error(
      `canAddDependent needs a whole count of 0 or more, got ${currentCount}`,
    )
  }
  const maxDependents = rules.households.maxDependents
  if (currentCount < maxDependents) return { kind: 'allowed' }
  return { kind: 'limit_reached', maxDependents }
}
