import {
  GetCommand,
  TransactWriteCommand,
  type DynamoDBDocumentClient,
} from '@aws-sdk/lib-dynamodb'
import { Role } from '@healthcode/shared'
import { z } from 'zod'
import type { TableNames } from './dynamo'

// DynamoDB string sets come back as a JavaScript Set.
const StringSet = z
  .union([z.set(z.string()), z.array(z.string())])
  .transform((values) => [...values].sort())

export const Account = z.object({
  accountId: z.string(),
  phoneHash: z.string(),
  // The role the account was created with; `roles` adds the others.
  role: Role,
  // Roles added later, as a string set, so concurrent grants both stay.
  roles: StringSet.pipe(z.array(Role)).optional(),
  residentId: z.string().optional(),
  // Venues the account guards, as a string set.
  guardVenueIds: StringSet.optional(),
  // The business the account registered, by unified social credit code.
  businessCreditCode: z.string().optional(),
  createdAt: z.string(),
})
export type Account = z.infer<typeof Account>

// Roles from the most to the least privileged. The first role an account
// has is its primary role.
const PRECEDENCE: readonly Role[] = [
  'operator',
  'business',
  'guard',
  'resident',
]

/** Returns every role of an account, resident always among them. */
export function rolesOf(account: Account): Role[] {
  const held = new Set<Role>([
    'resident',
    account.role,
    ...(account.roles ?? []),
  ])
  return PRECEDENCE.filter((role) => held.has(role))
}

/** Returns the most privileged of a set of roles. */
export function primaryRoleOf(roles: readonly Role[]): Role {
  return PRECEDENCE.find((role) => roles.includes(role)) ?? 'resident'
}

export type AccountStore = {
  db: DynamoDBDocumentClient
  tables: TableNames
}

export function accountKey(accountId: string): { pk: string } {
  return { pk: `account#${accountId}` }
}

export function phoneKey(phoneHash: string): { pk: string } {
  return { pk: `phone#${phoneHash}` }
}

/** Reads an account by id, or returns null when there is none. */
export async function getAccount(
  store: AccountStore,
  accountId: string,
): Promise<Account | null> {
  const output = await store.db.send(
    new GetCommand({
      TableName: store.tables.accounts,
      Key: accountKey(accountId),
      ConsistentRead: true,
    }),
  )
  return output.Item === undefined ? null : Account.parse(output.Item)
}

/** Returns the id of the account of a phone, or null. */
export async function findAccountIdByPhone(
  store: AccountStore,
  phoneHash: string,
): Promise<string | null> {
  const output = await store.db.send(
    new GetCommand({
      TableName: store.tables.accounts,
      Key: phoneKey(phoneHash),
      ConsistentRead: true,
    }),
  )
  const accountId: unknown = output.Item?.accountId
  return typeof accountId === 'string' ? accountId : null
}

/**
 * Writes a new account and its phone item in one transaction. Throws
 * TransactionCanceledException when the phone already has an account,
 * which happens when two first sign-ins of one phone race.
 */
export async function putNewAccount(
  store: AccountStore,
  account: Account,
): Promise<void> {
  const condition = 'attribute_not_exists(pk)'
  await store.db.send(
    new TransactWriteCommand({
      TransactItems: [
        {
          Put: {
            TableName: store.tables.accounts,
            Item: { ...phoneKey(account.phoneHash), accountId: account.accountId },
            ConditionExpression: condition,
          },
        },
        {
          Put: {
            TableName: store.tables.accounts,
            Item: {
              ...accountKey(account.accountId),
              ...accountItem(account),
            },
            ConditionExpression: condition,
          },
        },
      ],
    }),
  )
}

// Writes the set-valued attributes as string sets, which later ADD
// updates extend. DynamoDB stores no empty set, so those are left out.
function accountItem(account: Account): Record<string, unknown> {
  const { roles, guardVenueIds, ...rest } = account
  const item: Record<string, unknown> = { ...rest }
  if (roles !== undefined && roles.length > 0) item.roles = new Set(roles)
  if (guardVenueIds !== undefined && guardVenueIds.length > 0) {
    item.guardVenueIds = new Set(guardVenueIds)
  }
  return item
}
