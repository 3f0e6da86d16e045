import { TransactionCanceledException } from '@aws-sdk/client-dynamodb'
import {
  GetCommand,
  TransactWriteCommand,
  type DynamoDBDocumentClient,
} from '@aws-sdk/lib-dynamodb'
import { z } from 'zod'
import { accountKey } from '../storage/accounts'
import type { TableNames } from '../storage/dynamo'

export const StoredBusiness = z.object({
  creditCode: z.string(),
  accountId: z.string(),
  name: z.string(),
  createdAt: z.iso.datetime(),
})
export type StoredBusiness = z.infer<typeof StoredBusiness>

export type RegisterBusinessOutcome =
  | { kind: 'created' }
  // Which conditions failed: another account has the credit code, or this
  // account already has a business.
  | { kind: 'conflict'; creditCodeTaken: boolean; accountHasBusiness: boolean }

export type BusinessRepository = {
  register(business: StoredBusiness): Promise<RegisterBusinessOutcome>
  get(creditCode: string): Promise<StoredBusiness | null>
}

// Positions of the items in the registration transaction, which DynamoDB
// reports back in CancellationReasons.
const BUSINESS_ITEM = 0
const ACCOUNT_ITEM = 1

export function createBusinessRepository(
  db: DynamoDBDocumentClient,
  tables: TableNames,
): BusinessRepository {
  return {
    async register(business) {
      try {
        await db.send(registrationTransaction(tables, business))
        return { kind: 'created' }
      } catch (error) {
        if (!(error instanceof TransactionCanceledException)) throw error
        const failed = (index: number) =>
          error.CancellationReasons?.[index]?.Code === 'ConditionalCheckFailed'
        if (!failed(BUSINESS_ITEM) && !failed(ACCOUNT_ITEM)) throw error
        return {
          kind: 'conflict',
          creditCodeTaken: failed(BUSINESS_ITEM),
          accountHasBusiness: failed(ACCOUNT_ITEM),
        }
      }
    },

    async get(creditCode) {
      const output = await db.send(
        new GetCommand({
          TableName: tables.businesses,
          Key: { creditCode },
          ConsistentRead: true,
        }),
      )
      return output.Item === undefined
        ? null
        : StoredBusiness.parse(output.Item)
    },
  }
}

// Claims the credit code and gives the account the business role in one
// transaction, so a business belongs to one account and an account has
// at most one business.
function registrationTransaction(
  tables: TableNames,
  business: StoredBusiness,
): TransactWriteCommand {
  // The order must match BUSINESS_ITEM and ACCOUNT_ITEM.
  return new TransactWriteCommand({
    TransactItems: [
      {
        Put: {
          TableName: tables.businesses,
          Item: business,
          ConditionExpression: 'attribute_not_exists(creditCode)',
        },
      },
      {
        Update: {
          TableName: tables.accounts,
          Key: accountKey(business.accountId),
          UpdateExpression:
            'SET businessCreditCode = :code ADD #roles :business',
          ConditionExpression:
            'attribute_exists(pk) AND attribute_not_exists(businessCreditCode)',
          ExpressionAttributeNames: { '#roles': 'roles' },
          ExpressionAttributeValues: {
            ':code': business.creditCode,
            ':business': new Set(['business']),
          },
        },
      },
    ],
  })
}
