import type { Role } from '@healthcode/shared'
import {
  defineRoute,
  type BodyLimit,
  problem,
  type Reply,
  type Route,
  type SignedInRequest,
} from '../http/types'
import type { z } from 'zod'
import { getAccount, rolesOf, type AccountStore } from '../storage/accounts'

export const OPERATORS = { roles: ['operator'] as readonly Role[] }

/**
 * Tells whether an account has the operator role now. Session tokens
 * carry the roles of their sign-in, so this read is what makes a revoked
 * operator lose access before their session expires.
 */
export async function isOperator(
  accounts: AccountStore,
  accountId: string,
): Promise<boolean> {
  const account = await getAccount(accounts, accountId)
  return account !== null && rolesOf(account).includes('operator')
}

/**
 * Defines a route for operators whose role is checked against the account
 * on every request. Anyone else gets 403 FORBIDDEN_ROLE.
 */
export function operatorRoute<Body>(
  accounts: AccountStore,
  route: {
    method: 'GET' | 'POST'
    path: string
    body: z.ZodType<Body> | null
    bodyLimit?: BodyLimit
    handle(request: SignedInRequest<Body>): Promise<Reply>
  },
): Route {
  return defineRoute<Body>({
    ...route,
    auth: OPERATORS,
    handle: async (request) => {
      if (!(await isOperator(accounts, request.session.accountId))) {
        return problem({ code: 'FORBIDDEN_ROLE' })
      }
      return route.handle(request)
    },
  })
}
