import { randomId } from '../auth/session'
import type { HouseholdDependencies } from './deps'
import type { HouseholdPlan } from './repository'

export type JoinPlan = {
  plan: HouseholdPlan
  householdId: string
  // Members of the household once the plan is applied.
  memberCount: number
}

/**
 * Plans the move of `joining` into the household of `host`. A host
 * without a household gets a new one and joins it as its first adult. The
 * plan carries the versions it read, so applying it fails when the
 * household changed in between. Returns null when the household vanished
 * while it was read, which calls for reading again.
 */
export async function planJoin(
  deps: Pick<HouseholdDependencies, 'households'>,
  input: {
    host: string
    joining: HouseholdPlan['joining']
    dissolve?: HouseholdPlan['dissolve']
    now: Date
  },
): Promise<JoinPlan | null> {
  const dissolve = input.dissolve ?? null
  const membership = await deps.households.getMembership(input.host)
  if (membership === null) {
    const householdId = randomId()
    const host = {
      member: {
        residentId: input.host,
        kind: 'adult' as const,
        joinedAt: input.now.toISOString(),
      },
      from: null,
    }
    const joining = [host, ...input.joining]
    return {
      plan: {
        target: {
          kind: 'new',
          householdId,
          createdAt: input.now.toISOString(),
        },
        joining,
        dissolve,
      },
      householdId,
      memberCount: joining.length,
    }
  }
  const household = await deps.households.getHousehold(
    membership.householdId,
  )
  // A merge dissolved the household after the membership was read.
  if (household === null) return null
  return {
    plan: {
      target: {
        kind: 'existing',
        householdId: household.householdId,
        expectedVersion: household.version,
        memberCount: household.memberCount,
      },
      joining: input.joining,
      dissolve,
    },
    householdId: household.householdId,
    memberCount: household.memberCount + input.joining.length,
  }
}
