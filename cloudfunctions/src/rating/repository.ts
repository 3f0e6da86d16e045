import {
  TransactWriteCommand,
  UpdateCommand,
  type DynamoDBDocumentClient,
} from '@aws-sdk/lib-dynamodb'
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb'
import { auditPut, type RatingChangedRecord } from '../audit/records'
import { isConditionFailure, type TableNames } from '../storage/dynamo'
import type { StoredDeclaration } from '../storage/residents'

export type RatingRepository = {
  // Replaces the declarations if the resident is still at
  // `expectedVersion`, together with the audit record when there is one.
  saveDeclarations(input: {
    residentId: string
    declarations: StoredDeclaration[]
    expectedVersion: number
    audit: RatingChangedRecord | null
  }): Promise<'saved' | 'conflict'>
}

export function createRatingRepository(
  db: DynamoDBDocumentClient,
  tables: TableNames,
): RatingRepository {
  return {
    async saveDeclarations(input) {
      const update = {
        TableName: tables.residents,
        Key: { residentId: input.residentId },
        UpdateExpression:
          'SET declarations = :declarations, version = :next',
        ConditionExpression: 'version = :expected',
        ExpressionAttributeValues: {
          ':declarations': input.declarations,
          ':expected': input.expectedVersion,
          ':next': input.expectedVersion + 1,
        },
      }
      try {
        if (input.audit === null) {
          await db.send(new UpdateCommand(update))
        } else {
          await db.send(
            new TransactWriteCommand({
              TransactItems: [
                { Update: update },
                { Put: auditPut(tables.audit, input.audit) },
              ],
            }),
          )
        }
        return 'saved'
      } catch (error) {
        if (isConditionFailure(error)) return 'conflict'
        if (isResidentConflict(error)) return 'conflict'
        throw error
      }
    },
  }
}

// The resident's version check failed, or a concurrent transaction on the
// resident item got in the way; both mean read again and retry.
function isResidentConflict(error: unknown): boolean {
  if (!(error instanceof TransactionCanceledException)) return false
  const code = error.CancellationReasons?.[0]?.Code
  return code === 'ConditionalCheckFailed' || code === 'TransactionConflict'
}
