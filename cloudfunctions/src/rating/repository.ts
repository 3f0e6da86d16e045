import {
  PutCommand,
  TransactWriteCommand,
  UpdateCommand,
  type DynamoDBDocumentClient,
} from '@aws-sdk/lib-dynamodb'
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb'
import type { Color } from '@healthcode/shared'
import { isConditionFailure, type TableNames } from '../storage/dynamo'
import type { StoredDeclaration } from '../storage/residents'

// One rating change, written once and never updated.
export type AuditRecord = {
  residentId: string
  // ISO time plus a random suffix, so records sort by time per resident.
  eventId: string
  kind: 'rating_changed'
  at: string
  actor: { accountId: string; role: string }
  source: 'questionnaire'
  // null when the resident had no rating before.
  before: Color | null
  after: Color
  // Rules behind the new color, such as `questionnaire.symptoms`.
  rules: string[]
  rulesVersion: string
}

export type RatingRepository = {
  // Replaces the declarations if the resident is still at
  // `expectedVersion`, together with the audit record when there is one.
  saveDeclarations(input: {
    residentId: string
    declarations: StoredDeclaration[]
    expectedVersion: number
    audit: AuditRecord | null
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

function auditPut(tableName: string, record: AuditRecord) {
  return {
    TableName: tableName,
    Item: record,
    // Append-only: an event id is never reused.
    ConditionExpression: 'attribute_not_exists(eventId)',
  } satisfies ConstructorParameters<typeof PutCommand>[0]
}

// The resident's version check failed, or a concurrent transaction on the
// resident item got in the way; both mean read again and retry.
function isResidentConflict(error: unknown): boolean {
  if (!(error instanceof TransactionCanceledException)) return false
  const code = error.CancellationReasons?.[0]?.Code
  return code === 'ConditionalCheckFailed' || code === 'TransactionConflict'
}
