import {
  signToken,
  type CityRules,
  type CodeClaims,
  type CodeResponse,
} from '@healthcode/shared'
import { randomId } from '../auth/session'
import type { TokenKeys } from '../config/keys'
import type { AccountStore } from '../storage/accounts'
import { findSignedInResident, type Resident } from '../storage/residents'
import { rateAt } from '../rating/service'

export type CodeResult =
  | { kind: 'ok'; code: CodeResponse }
  | { kind: 'questionnaire_required' }
  | { kind: 'not_registered' }
  | { kind: 'unknown_account' }

export type CodeDependencies = {
  rules: CityRules
  accounts: AccountStore
  keys: TokenKeys
}

/**
 * Signs a personal `hc-code` token with the color at `now`. The subject is
 * the resident's opaque code reference, so a scanned code carries no
 * personal data, and the short lifetime keeps screenshots from being
 * reused for long.
 */
export async function issueCode(
  deps: CodeDependencies,
  input: { accountId: string; now: Date },
): Promise<CodeResult> {
  const found = await findSignedInResident(deps.accounts, input.accountId)
  if (found.kind !== 'ok') return { kind: found.kind }
  return codeOf(deps, found.resident, input.now)
}

/**
 * Signs the personal code of a resident who was found already, such as a
 * dependent whose guardian requests it.
 */
export function codeOf(
  deps: Pick<CodeDependencies, 'rules' | 'keys'>,
  resident: Resident,
  now: Date,
): CodeResult {
  const rating = rateAt(deps.rules, resident, now)
  if (rating === null) return { kind: 'questionnaire_required' }

  const issuedAt = Math.floor(now.getTime() / 1000)
  const claims: CodeClaims = {
    iss: deps.rules.id,
    sub: resident.codeRef,
    col: rating.color,
    iat: issuedAt,
    exp: issuedAt + deps.rules.codes.personalCodeSeconds,
    jti: randomId(),
  }
  const token = signToken(
    { kid: deps.keys.signing.kid, typ: 'hc-code' },
    claims,
    deps.keys.signing.privateKey,
  )
  return {
    kind: 'ok',
    code: {
      token,
      color: rating.color,
      expiresAt: new Date(claims.exp * 1000).toISOString(),
      refreshAfterSeconds: deps.rules.codes.refreshSeconds,
    },
  }
}
