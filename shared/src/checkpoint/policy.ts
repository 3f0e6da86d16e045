import type { GuardPolicy, VenuePolicy, VenueType } from '../api/venues'
import type { CityRules } from '../cities/cityRules'

export type VenuePolicyCheck =
  | { kind: 'ok'; policy: VenuePolicy }
  | {
      kind: 'not_allowed'
      // Fields under `policy` that the city does not allow as chosen.
      fields: ('policy.temperatureRequired' | 'policy.recordDocument')[]
    }

/** Returns the least a city requires of a venue. */
export function defaultVenuePolicy(rules: CityRules): VenuePolicy {
  return {
    temperatureRequired: rules.checkpoint.temperatureRequired,
    recordDocument: false,
  }
}

/**
 * Checks a venue's chosen policy against its city: a venue may not turn
 * off temperatures the city requires, and may record documents only if
 * the city allows that for its type.
 */
export function checkVenuePolicy(
  rules: CityRules,
  type: VenueType,
  policy: VenuePolicy | undefined,
): VenuePolicyCheck {
  if (policy === undefined) {
    return { kind: 'ok', policy: defaultVenuePolicy(rules) }
  }
  const fields: ('policy.temperatureRequired' | 'policy.recordDocument')[] =
    []
  if (rules.checkpoint.temperatureRequired && !policy.temperatureRequired) {
    fields.push('policy.temperatureRequired')
  }
  const recordAllowed = rules.checkpoint.recordDocumentVenueTypes.includes(type)
  if (policy.recordDocument && !recordAllowed) {
    fields.push('policy.recordDocument')
  }
  return fields.length === 0
    ? { kind: 'ok', policy }
    : { kind: 'not_allowed', fields }
}

/** Merges a venue's policy with the city's rules for the guard's checks. */
export function guardPolicyOf(
  rules: CityRules,
  policy: VenuePolicy,
): GuardPolicy {
  return {
    temperatureRequired:
      policy.temperatureRequired || rules.checkpoint.temperatureRequired,
    recordDocument: policy.recordDocument,
    feverCelsius: rules.checkpoint.feverCelsius,
    denyColors: [...rules.checkpoint.denyColors],
    clockSkewSeconds: rules.checkin.clockSkewSeconds,
  }
}
