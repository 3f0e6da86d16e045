import { TransactionCanceledException } from '@aws-sdk/client-dynamodb'
import {
  TransactWriteCommand,
  UpdateCommand,
  type DynamoDBDocumentClient,
} from '@aws-sdk/lib-dynamodb'
import { auditPut, type RatingChangedRecord } from '../audit/records'
import { isConditionFailure, type TableNames } from '../storage/dynamo'
import {
  getResident,
  type StoredDeclaration,
} from '../storage/residents'
import { fromStored, type FactRecord, type StoredFact } from './records'

// Facts live on the resident item next to the declarations and share its
// `version`, so a fact and a declaration written at the same moment are
// serialized by the same optimistic lock.

export type ResidentFacts = {
  declarations: StoredDeclaration[]
  records: FactRecord[]
  version: number
}

export type FactRepository = {
  read(residentId: string): Promise<ResidentFacts | null>
  // Replaces the facts if the resident is still at `expectedVersion`,
  // together with the audit record when there is one.
  save(input: {
    residentId: string
    facts: StoredFact[]
    expectedVersion: number
    audit: RatingChangedRecord | null
  }): Promise<'saved' | 'conflict'>
}

export function createFactRepository(
  db: DynamoDBDocumentClient,
  tables: TableNames,
): FactRepository {
  return {
    async read(residentId) {
      const resident = await getResident(db, tables.residents, residentId)
      if (resident === null) return null
      return {
        declarations: resident.declarations,
        records: (resident.facts ?? []).map(fromStored),
        version: resident.version,
      }
    },

    async save(input) {
      const update = {
        TableName: tables.residents,
        Key: { residentId: input.residentId },
        UpdateExpression: 'SET facts = :facts, version = :next',
        ConditionExpression: 'version = :expected',
        ExpressionAttributeValues: {
          ':facts': input.facts,
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

// The version check failed, or a concurrent transaction on the resident
// item got in the way. Both mean read again and retry.
function isResidentConflict(error: unknown): boolean {
  if (!(error instanceof TransactionCanceledException)) return false
  const code = error.CancellationReasons?.[0]?.Code
  return code === 'ConditionalCheckFailed' || code === 'TransactionConflict'
}
