import { TransactionCanceledException } from '@aws-sdk/client-dynamodb'
import { ScanCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb'
import { newEventId, subjectKey, type AuditLog } from '../audit/records'
import { randomId } from '../auth/session'
import {
  accountKey,
  findAccountIdByPhone,
  putNewAccount,
  type AccountStore,
} from '../storage/accounts'
import { isConditionFailure } from '../storage/dynamo'
import type { PiiProtector } from '../storage/pii'

// Operator accounts. An operator signs in by phone and one-time password
// like everyone, so there is no password to create or leak. Granting the
// role to a phone is all the command-line tool does. The role is an entry
// in the account's `roles` set, next to the resident role every account
// has, and revoking removes the entry.

// The command-line tool acts for no signed-in account.
const CLI_ACTOR = { accountId: 'cli', role: 'system' } as const

export type OperatorDependencies = {
  accounts: AccountStore
  pii: PiiProtector
  audit: AuditLog
}

export type GrantResult =
  | { kind: 'created' | 'granted' | 'already_operator'; accountId: string }

export type RevokeResult =
  | { kind: 'revoked'; accountId: string }
  | { kind: 'not_operator'; accountId: string }
  | { kind: 'no_account' }

export type OperatorListing = {
  accountId: string
  // The phone, masked, as stored when the role was granted.
  maskedPhone: string | null
  operatorSince: string | null
}

/**
 * Grants the operator role to the account of a phone (an E.164 number
 * that parsePhone accepted), creating the account when the phone never
 * signed in.
 */
export async function grantOperator(
  deps: OperatorDependencies,
  phone: string,
  now: Date,
): Promise<GrantResult> {
  const phoneHash = deps.pii.hash('phone', phone)
  let accountId = await findAccountIdByPhone(deps.accounts, phoneHash)
  let created = false
  if (accountId === null) {
    accountId = await createAccount(deps.accounts, phoneHash, now)
    created = accountId !== null
    accountId ??= await findAccountIdByPhone(deps.accounts, phoneHash)
    if (accountId === null) {
      throw new Error('The account a concurrent sign-in created is missing')
    }
  }
  const added = await addOperatorRole(deps.accounts, accountId, {
    maskedPhone: maskedPhoneOf(phone),
    now,
  })
  if (!added) return { kind: 'already_operator', accountId }
  await deps.audit.put({
    residentId: subjectKey('operator', accountId),
    eventId: newEventId(now),
    kind: 'operator_action',
    at: now.toISOString(),
    actor: CLI_ACTOR,
    action: 'operator_created',
    target: accountId,
    before: { operator: false },
    after: { operator: true },
  })
  return { kind: created ? 'created' : 'granted', accountId }
}

// Keeps the country code, the first digits and the last four, as on
// printed receipts: +86138****0001.
function maskedPhoneOf(e164: string): string {
  return `${e164.slice(0, -8)}****${e164.slice(-4)}`
}

// Returns the new account's id, or null when a concurrent sign-in of the
// same phone created an account first.
async function createAccount(
  store: AccountStore,
  phoneHash: string,
  now: Date,
): Promise<string | null> {
  const accountId = randomId()
  try {
    await putNewAccount(store, {
      accountId,
      phoneHash,
      role: 'resident',
      createdAt: now.toISOString(),
    })
    return accountId
  } catch (error) {
    if (error instanceof TransactionCanceledException) return null
    throw error
  }
}

// Adds the role unless the account has it. Returns whether it was added.
async function addOperatorRole(
  store: AccountStore,
  accountId: string,
  input: { maskedPhone: string; now: Date },
): Promise<boolean> {
  try {
    await store.db.send(
      new UpdateCommand({
        TableName: store.tables.accounts,
        Key: accountKey(accountId),
        UpdateExpression:
          'ADD #roles :operator SET operatorPhone = :phone, ' +
          'operatorSince = :since',
        ConditionExpression:
          'attribute_exists(pk) AND NOT contains(#roles, :name)',
        ExpressionAttributeNames: { '#roles': 'roles' },
        ExpressionAttributeValues: {
          ':operator': new Set(['operator']),
          ':name': 'operator',
          ':phone': input.maskedPhone,
          ':since': input.now.toISOString(),
        },
      }),
    )
    return true
  } catch (error) {
    if (isConditionFailure(error)) return false
    throw error
  }
}

/**
 * Removes the operator role from the account of a phone. Operator routes
 * check the account on every request, so the role stops working at once,
 * even in sessions signed in before.
 */
export async function revokeOperator(
  deps: OperatorDependencies,
  phone: string,
  now: Date,
): Promise<RevokeResult> {
  const phoneHash = deps.pii.hash('phone', phone)
  const accountId = await findAccountIdByPhone(deps.accounts, phoneHash)
  if (accountId === null) return { kind: 'no_account' }
  try {
    await deps.accounts.db.send(
      new UpdateCommand({
        TableName: deps.accounts.tables.accounts,
        Key: accountKey(accountId),
        UpdateExpression: 'DELETE #roles :operator REMOVE operatorSince',
        ConditionExpression: 'contains(#roles, :name)',
        ExpressionAttributeNames: { '#roles': 'roles' },
        ExpressionAttributeValues: {
          ':operator': new Set(['operator']),
          ':name': 'operator',
        },
      }),
    )
  } catch (error) {
    if (isConditionFailure(error)) return { kind: 'not_operator', accountId }
    throw error
  }
  await deps.audit.put({
    residentId: subjectKey('operator', accountId),
    eventId: newEventId(now),
    kind: 'operator_action',
    at: now.toISOString(),
    actor: CLI_ACTOR,
    action: 'operator_revoked',
    target: accountId,
    before: { operator: true },
    after: { operator: false },
  })
  return { kind: 'revoked', accountId }
}

/**
 * Lists the operator accounts.
 * NOTE: a scan of the accounts table, which is fine for a tool run by
 * hand but reads every account of the city.
 */
export async function listOperators(
  store: AccountStore,
): Promise<OperatorListing[]> {
  const listings: OperatorListing[] = []
  let startKey: Record<string, unknown> | undefined
  do {
    const output = await store.db.send(
      new ScanCommand({
        TableName: store.tables.accounts,
        FilterExpression: 'contains(#roles, :name)',
        ProjectionExpression: 'accountId, operatorPhone, operatorSince',
        ExpressionAttributeNames: { '#roles': 'roles' },
        ExpressionAttributeValues: { ':name': 'operator' },
        ExclusiveStartKey: startKey,
      }),
    )
    for (const item of output.Items ?? []) {
      listings.push({
        accountId: String(item.accountId),
        maskedPhone:
          typeof item.operatorPhone === 'string' ? item.operatorPhone : null,
        operatorSince:
          typeof item.operatorSince === 'string' ? item.operatorSince : null,
      })
    }
    startKey = output.LastEvaluatedKey
  } while (startKey !== undefined)
  return listings.sort((a, b) => (a.accountId < b.accountId ? -1 : 1))
}
