import { TransactionCanceledException } from '@aws-sdk/client-dynamodb'
import {
  GetCommand,
  TransactWriteCommand,
  type DynamoDBDocumentClient,
} from '@aws-sdk/lib-dynamodb'
import { z } from 'zod'
import { accountKey } from '../storage/accounts'
import type { TableNames } from '../storage/dynamo'
import type { Resident } from '../storage/residents'

export const Identity = z.object({
  identityHash: z.string(),
  residentId: z.string(),
  accountId: z.string(),
})
export type Identity = z.infer<typeof Identity>

export type RegisterOutcome =
  | { kind: 'created' }
  // Which conditions failed: the identity belongs to someone already, or
  // the account already has a resident.
  | { kind: 'conflict'; identityExists: boolean; accountRegistered: boolean }

export type RegistrationRepository = {
  register(resident: Resident): Promise<RegisterOutcome>
  getIdentity(identityHash: string): Promise<Identity | null>
}

// Positions of the items in the registration transaction, which DynamoDB
// reports back in CancellationReasons.
const IDENTITY_ITEM = 0
const RESIDENT_ITEM = 1
const ACCOUNT_ITEM = 2

export function createRegistrationRepository(
  db: DynamoDBDocumentClient,
  tables: TableNames,
): RegistrationRepository {
  return {
    async register(resident) {
      try {
        await db.send(registrationTransaction(tables, resident))
        return { kind: 'created' }
      } catch (error) {
        if (!(error instanceof TransactionCanceledException)) throw error
        const failed = (index: number) =>
          error.CancellationReasons?.[index]?.Code === 'ConditionalCheckFailed'
        if (failed(RESIDENT_ITEM)) {
          throw new Error(`Resident id ${resident.residentId} already exists`)
        }
        if (!failed(IDENTITY_ITEM) && !failed(ACCOUNT_ITEM)) throw error
        return {
          kind: 'conflict',
          identityExists: failed(IDENTITY_ITEM),
          accountRegistered: failed(ACCOUNT_ITEM),
        }
      }
    },

    async getIdentity(identityHash) {
      const output = await db.send(
        new GetCommand({
          TableName: tables.identities,
          Key: { identityHash },
          ConsistentRead: true,
        }),
      )
      return output.Item === undefined ? null : Identity.parse(output.Item)
    },
  }
}

// Claims the identity, writes the resident and links the account in one
// transaction, so a person is registered once, by one account, or not at
// all.
function registrationTransaction(
  tables: TableNames,
  resident: Resident,
): TransactWriteCommand {
  const identity: Identity = {
    identityHash: resident.identityHash,
    residentId: resident.residentId,
    accountId: resident.accountId,
  }
  // The order must match IDENTITY_ITEM, RESIDENT_ITEM and ACCOUNT_ITEM.
  const items = [
    {
      Put: {
        TableName: tables.identities,
        Item: identity,
        ConditionExpression: 'attribute_not_exists(identityHash)',
      },
    },
    {
      Put: {
        TableName: tables.residents,
        Item: resident,
        ConditionExpression: 'attribute_not_exists(residentId)',
      },
    },
    {
      Update: {
        TableName: tables.accounts,
        Key: accountKey(resident.accountId),
        UpdateExpression: 'SET residentId = :residentId',
        ConditionExpression:
          'attribute_exists(pk) AND attribute_not_exists(residentId)',
        ExpressionAttributeValues: { ':residentId': resident.residentId },
      },
    },
  ]
  return new TransactWriteCommand({ TransactItems: items })
}
