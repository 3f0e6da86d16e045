import {
  GetCommand,
  TransactWriteCommand,
  type DynamoDBDocumentClient,
} from '@aws-sdk/lib-dynamodb'
import { Role } from '@healthcode/shared'
import { z } from 'zod'
import type { TableNames } from './dynamo'

export const Account = z.object({
  accountId: z.string(),
  phoneHash: z.string(),
  role: Role,
  residentId: z.string().optional(),
  createdAt: z.string(),
})
export type Account = z.infer<typeof Account>

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
            Item: { ...accountKey(account.accountId), ...account },
            ConditionExpression: condition,
          },
        },
      ],
    }),
  )
}
