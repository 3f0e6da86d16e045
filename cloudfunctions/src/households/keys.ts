// Keys of the items in the households table. Each kind of item has its own
// partition key prefix, so the kinds never collide in the one table.

export type ItemKey = { pk: string; sk: string }

// The household a resident belongs to; at most one per resident.
export function membershipKey(residentId: string): ItemKey {
  return { pk: `resident#${residentId}`, sk: 'household' }
}

// A household's version and member count. Every change of its members
// increments the version under a condition, so concurrent changes of one
// household serialize.
export function householdKey(householdId: string): ItemKey {
  return { pk: `household#${householdId}`, sk: 'meta' }
}

export const MEMBER_PREFIX = 'member#'

export function memberKey(householdId: string, residentId: string): ItemKey {
  return { pk: `household#${householdId}`, sk: `${MEMBER_PREFIX}${residentId}` }
}

// A guardian's dependent count, which a condition keeps within the city's
// households.maxDependents.
export function guardianKey(guardianId: string): ItemKey {
  return { pk: `guardian#${guardianId}`, sk: 'meta' }
}

export const DEPENDENT_PREFIX = 'dependent#'

// A guardian's link to a dependent, listed per guardian.
export function dependentLinkKey(
  guardianId: string,
  dependentId: string,
): ItemKey {
  return {
    pk: `guardian#${guardianId}`,
    sk: `${DEPENDENT_PREFIX}${dependentId}`,
  }
}

export const GUARDIAN_PREFIX = 'guardian#'

// The same link seen from the dependent, listed per dependent.
export function guardianLinkKey(
  dependentId: string,
  guardianId: string,
): ItemKey {
  return {
    pk: `dependent#${dependentId}`,
    sk: `${GUARDIAN_PREFIX}${guardianId}`,
  }
}

// The pending invitation to a phone, by the keyed hash of the phone, so a
// phone that registers later can still accept it.
export function invitationKey(phoneHash: string): ItemKey {
  return { pk: `invitation#${phoneHash}`, sk: 'invitation' }
}

// Failed attempts of an account to link a dependent on one city day.
export function linkFailuresKey(accountId: string, cityDay: string): ItemKey {
  return { pk: `link-failures#${accountId}`, sk: cityDay }
}
