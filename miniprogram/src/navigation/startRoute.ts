import type { ApiFailure, ApiResult } from '../api/client'
import { endsSession } from '../api/failure'
import type { ResidentStatus } from '../contract'
import type { SessionStore } from '../session/session'
import type { Navigator, Route } from './routes'

export type StartDecision =
  | { kind: 'route'; route: Route }
  | { kind: 'failed'; failure: ApiFailure }

// Picks the page for a signed-in user from GET /v1/residents/me/status: the
// questionnaire while unrated, else the code. A 409 QUESTIONNAIRE_REQUIRED
// means unrated too, and NOT_REGISTERED sends the user to registration.
export function routeForStatus(
  result: ApiResult<ResidentStatus>,
): StartDecision {
  switch (result.kind) {
    case 'ok':
      return {
        kind: 'route',
        route: result.value.rated ? 'home' : 'questionnaire',
      }
    case 'problem':
      if (result.problem.code === 'QUESTIONNAIRE_REQUIRED') {
        return { kind: 'route', route: 'questionnaire' }
      }
      if (result.problem.code === 'NOT_REGISTERED') {
        return { kind: 'route', route: 'register' }
      }
      if (endsSession(result)) return { kind: 'route', route: 'login' }
      return { kind: 'failed', failure: result }
    case 'network':
    case 'unexpected':
      return { kind: 'failed', failure: result }
  }
}

// Decides where a user goes after signing in. An unregistered user goes to
// registration without asking for a status that does not exist yet.
export async function decideStartRoute(
  registered: boolean,
  loadStatus: () => Promise<ApiResult<ResidentStatus>>,
): Promise<StartDecision> {
  if (!registered) return { kind: 'route', route: 'register' }
  return routeForStatus(await loadStatus())
}

// Carries out a decision. A route to sign-in ends the stored session first,
// or the sign-in page would find it and send the user back in a loop.
export function followDecision(
  decision: StartDecision,
  session: Pick<SessionStore, 'clear'>,
  navigator: Pick<Navigator, 'go'>,
  onFailure: (failure: ApiFailure) => void,
): void {
  if (decision.kind === 'failed') {
    onFailure(decision.failure)
    return
  }
  if (decision.route === 'login') session.clear()
  navigator.go(decision.route)
}
