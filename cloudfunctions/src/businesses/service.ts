import {
  parseCreditCode,
  type Business,
  type BusinessRequest,
  type BusinessResponse,
} from '@healthcode/shared'
import type { AppLogger } from '../http/handler'
import {
  getAccount,
  rolesOf,
  type Account,
  type AccountStore,
} from '../storage/accounts'
import type { BusinessRepository, StoredBusiness } from './repository'

export type BusinessDependencies = {
  businesses: BusinessRepository
  accounts: AccountStore
  logger: AppLogger
}

export type BusinessResult =
  | { kind: 'created'; response: BusinessResponse }
  // A repeated request for the business the account already has.
  | { kind: 'existing'; response: BusinessResponse }
  | {
      kind: 'credit_code_invalid'
      code: 'CREDIT_CODE_FORMAT_INVALID' | 'CREDIT_CODE_CHECKSUM_INVALID'
    }
  | { kind: 'credit_code_taken' }
  | { kind: 'already_registered' }
  | { kind: 'unknown_account' }

/**
 * Registers the caller's business and adds the business role to their
 * account. Each credit code belongs to one account, and each account has
 * at most one business.
 */
export async function registerBusiness(
  deps: BusinessDependencies,
  input: { accountId: string; request: BusinessRequest; now: Date },
): Promise<BusinessResult> {
  const parsed = parseCreditCode(input.request.creditCode)
  if (parsed.kind === 'invalid') {
    return { kind: 'credit_code_invalid', code: parsed.code }
  }
  const account = await getAccount(deps.accounts, input.accountId)
  if (account === null) return { kind: 'unknown_account' }
  if (account.businessCreditCode !== undefined) {
    return repeated(deps, account, parsed.creditCode)
  }
  const business: StoredBusiness = {
    creditCode: parsed.creditCode,
    accountId: account.accountId,
    name: input.request.name,
    createdAt: input.now.toISOString(),
  }
  const outcome = await deps.businesses.register(business)
  switch (outcome.kind) {
    case 'created': {
      deps.logger.info('Business registered', { accountId: account.accountId })
      const roles = rolesOf({
        ...account,
        roles: [...(account.roles ?? []), 'business'],
      })
      return {
        kind: 'created',
        response: { business: businessView(business), roles },
      }
    }
    case 'conflict':
      return resolveConflict(deps, account.accountId, parsed.creditCode)
  }
}

// A concurrent request wrote first, so read back what was stored.
async function resolveConflict(
  deps: BusinessDependencies,
  accountId: string,
  creditCode: string,
): Promise<BusinessResult> {
  const account = await getAccount(deps.accounts, accountId)
  if (account === null) return { kind: 'unknown_account' }
  if (account.businessCreditCode !== undefined) {
    return repeated(deps, account, creditCode)
  }
  return { kind: 'credit_code_taken' }
}

async function repeated(
  deps: BusinessDependencies,
  account: Account,
  creditCode: string,
): Promise<BusinessResult> {
  if (account.businessCreditCode !== creditCode) {
    return { kind: 'already_registered' }
  }
  const business = await deps.businesses.get(creditCode)
  if (business === null || business.accountId !== account.accountId) {
    throw new Error(`Business of account ${account.accountId} is missing`)
  }
  return {
    kind: 'existing',
    response: { business: businessView(business), roles: rolesOf(account) },
  }
}

function businessView(business: StoredBusiness): Business {
  return {
    name: business.name,
    creditCode: business.creditCode,
    createdAt: business.createdAt,
  }
}
