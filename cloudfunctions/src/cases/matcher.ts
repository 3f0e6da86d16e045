import { createRuntime, type Runtime } from '../config/runtime'
import { factStoreOf } from '../facts/service'
import { householdCasesOf } from '../households/coResidents'
import { MatchRequest } from './invoker'
import {
  runMatch,
  type MatchingDependencies,
  type MatchResult,
} from './matching'
import { createCaseRepository } from './repository'
import { createVisitRepository } from './visits'

// The matcher function: invoked asynchronously with a MatchRequest by the
// cases function, never through HTTP.

export type MatcherHandler = (event: unknown) => Promise<MatchResult | null>

export function matchingDependenciesOf(runtime: Runtime): MatchingDependencies {
  return {
    rules: runtime.rules,
    cases: createCaseRepository(runtime.db, runtime.tables),
    visits: createVisitRepository(runtime.db, runtime.tables),
    facts: factStoreOf(runtime),
    logger: runtime.logger,
    // Household wiring: see MatchingDependencies.householdCases.
    householdCases: householdCasesOf(runtime),
  }
}

/**
 * Creates the handler of matcher invocations. An event that is not a
 * MatchRequest is logged and dropped, because retrying cannot fix it.
 * Any other failure is thrown, so Lambda retries the invocation.
 */
export function createMatcherHandler(
  runtime: Runtime,
  deps: MatchingDependencies = matchingDependenciesOf(runtime),
): MatcherHandler {
  return async (event) => {
    const request = MatchRequest.safeParse(event)
    if (!request.success) {
      runtime.logger.error('Matcher event rejected', {
        issues: request.error.issues.map((issue) => issue.path.join('.')),
      })
      return null
    }
    const result = await runMatch(deps, request.data, runtime.clock.now())
    if (result.kind === 'not_found') {
      runtime.logger.warn('Matcher found no case or window', {
        kind: request.data.kind,
      })
    }
    return result
  }
}

let ready: Promise<MatcherHandler> | null = null

export const handler: MatcherHandler = async (event) => {
  ready ??= createRuntime(process.env).then((runtime) =>
    createMatcherHandler(runtime),
  )
  let matcher: MatcherHandler
  try {
    matcher = await ready
  } catch (error) {
    ready = null
    throw error
  }
  return matcher(event)
}
