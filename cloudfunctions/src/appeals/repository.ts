import { TransactionCanceledException } from '@aws-sdk/client-dynamodb'
import {
  GetCommand,
  PutCommand,
  QueryCommand,
  TransactWriteCommand,
  UpdateCommand,
  type DynamoDBDocumentClient,
} from '@aws-sdk/lib-dynamodb'
import {
  AppealDecisionKind,
  AppealStatus,
  Color,
  LocalizedText,
  RiskColor,
} from '@healthcode/shared'
import { z } from 'zod'
import type { TableNames } from '../storage/dynamo'
import type { AppealAuditRecord } from './audit'

const Time = z.iso.datetime()

// A reason as it was when the appeal was filed, in both languages, so the
// operator and the resident each read it in their own.
export const SnapshotReason = z.object({
  rule: z.string(),
  color: RiskColor,
  since: Time,
  until: Time,
  text: LocalizedText,
})
export type SnapshotReason = z.infer<typeof SnapshotReason>

export const StoredDecision = z.object({
  decision: AppealDecisionKind,
  reason: z.string(),
  // Rules the approval cleared. Empty for a rejection.
  rules: z.array(z.string()),
  decidedAt: Time,
  operatorAccountId: z.string(),
  // When the approval's appeal fact was appended. Missing on a
  // rejection, and on an approval whose append has not succeeded yet.
  factAppendedAt: Time.optional(),
})
export type StoredDecision = z.infer<typeof StoredDecision>

// An appeal item. The message is personal free text, so it is stored as
// AES-256-GCM ciphertext bound to the appeal id.
export const StoredAppeal = z.object({
  appealId: z.string(),
  residentId: z.string(),
  filedByAccountId: z.string(),
  filedAt: Time,
  status: AppealStatus,
  messageCiphertext: z.string(),
  rules: z.array(z.string()),
  snapshot: z.object({
    color: Color,
    until: Time.nullable(),
    reasons: z.array(SnapshotReason),
  }),
  decision: StoredDecision.optional(),
})
export type StoredAppeal = z.infer<typeof StoredAppeal>

// The key of an appeal or a page's last key, as `byStatus` returns it.
export const PageKey = z
  .object({ appealId: z.string(), status: AppealStatus, filedAt: Time })
  .strict()
export type PageKey = z.infer<typeof PageKey>

export type AppealPage = { items: StoredAppeal[]; next: PageKey | null }

export type AppealRepository = {
  // Stores a pending appeal unless the resident has one pending already.
  file(appeal: StoredAppeal): Promise<'filed' | 'pending_exists'>
  get(appealId: string): Promise<StoredAppeal | null>
  // Every appeal of a resident, newest first.
  listByResident(residentId: string): Promise<StoredAppeal[]>
  // Appeals of one status, oldest first.
  listByStatus(
    status: AppealStatus,
    after: PageKey | null,
    limit: number,
  ): Promise<AppealPage>
  // Stores the decision of a pending appeal with its audit record.
  decide(input: {
    appeal: StoredAppeal
    status: AppealStatus
    decision: StoredDecision
    audit: AppealAuditRecord
  }): Promise<'decided' | 'already_decided'>
  markFactAppended(appealId: string, at: Date): Promise<void>
  putAudit(record: AppealAuditRecord): Promise<void>
}

// A resident's one pending appeal is also recorded under this key, whose
// conditional put keeps a second one out. The item has no `status` or
// `residentId`, so the indexes leave it out.
function pendingLockKey(residentId: string): { appealId: string } {
  return { appealId: `pending#${residentId}` }
}

export function createAppealRepository(
  db: DynamoDBDocumentClient,
  tables: TableNames,
): AppealRepository {
  const table = tables.appeals

  async function queryIndex(input: {
    index: 'byStatus' | 'byResident'
    attribute: 'status' | 'residentId'
    value: string
    forward: boolean
    after: Record<string, unknown> | undefined
    limit?: number
  }) {
    return db.send(
      new QueryCommand({
        TableName: table,
        IndexName: input.index,
        KeyConditionExpression: '#key = :value',
        ExpressionAttributeNames: { '#key': input.attribute },
        ExpressionAttributeValues: { ':value': input.value },
        ScanIndexForward: input.forward,
        ExclusiveStartKey: input.after,
        Limit: input.limit,
      }),
    )
  }

  return {
    async file(appeal) {
      try {
        await db.send(
          new TransactWriteCommand({
            TransactItems: [
              {
                Put: {
                  TableName: table,
                  Item: {
                    ...pendingLockKey(appeal.residentId),
                    lockedAppealId: appeal.appealId,
                  },
                  ConditionExpression: 'attribute_not_exists(appealId)',
                },
              },
              {
                Put: {
                  TableName: table,
                  Item: appeal,
                  ConditionExpression: 'attribute_not_exists(appealId)',
                },
              },
            ],
          }),
        )
        return 'filed'
      } catch (error) {
        if (!(error instanceof TransactionCanceledException)) throw error
        const lock = error.CancellationReasons?.[0]?.Code
        if (lock === 'ConditionalCheckFailed') return 'pending_exists'
        throw error
      }
    },

    async get(appealId) {
      if (appealId.startsWith('pending#')) return null
      const output = await db.send(
        new GetCommand({
          TableName: table,
          Key: { appealId },
          ConsistentRead: true,
        }),
      )
      return output.Item === undefined ? null : StoredAppeal.parse(output.Item)
    },

    async listByResident(residentId) {
      const items: StoredAppeal[] = []
      let after: Record<string, unknown> | undefined
      do {
        const output = await queryIndex({
          index: 'byResident',
          attribute: 'residentId',
          value: residentId,
          forward: false,
          after,
        })
        for (const item of output.Items ?? []) {
          items.push(StoredAppeal.parse(item))
        }
        after = output.LastEvaluatedKey
      } while (after !== undefined)
      return items
    },

    async listByStatus(status, after, limit) {
      const output = await queryIndex({
        index: 'byStatus',
        attribute: 'status',
        value: status,
        forward: true,
        after: after ?? undefined,
        limit,
      })
      return {
        items: (output.Items ?? []).map((item) => StoredAppeal.parse(item)),
        next: pageKeyOf(output.LastEvaluatedKey),
      }
    },

    async decide(input) {
      const { appeal } = input
      try {
        await db.send(
          new TransactWriteCommand({
            TransactItems: [
              {
                Update: {
                  TableName: table,
                  Key: { appealId: appeal.appealId },
                  UpdateExpression:
                    'SET #status = :status, decision = :decision',
                  ConditionExpression: '#status = :pending',
                  ExpressionAttributeNames: { '#status': 'status' },
                  ExpressionAttributeValues: {
                    ':status': input.status,
                    ':decision': input.decision,
                    ':pending': 'pending',
                  },
                },
              },
              {
                Delete: {
                  TableName: table,
                  Key: pendingLockKey(appeal.residentId),
                },
              },
              {
                Put: {
                  TableName: tables.audit,
                  Item: input.audit,
                  ConditionExpression: 'attribute_not_exists(eventId)',
                },
              },
            ],
          }),
        )
        return 'decided'
      } catch (error) {
        if (!(error instanceof TransactionCanceledException)) throw error
        const code = error.CancellationReasons?.[0]?.Code
        if (code === 'ConditionalCheckFailed') return 'already_decided'
        throw error
      }
    },

    async markFactAppended(appealId, at) {
      await db.send(
        new UpdateCommand({
          TableName: table,
          Key: { appealId },
          UpdateExpression: 'SET decision.factAppendedAt = :at',
          ConditionExpression: 'attribute_exists(decision)',
          ExpressionAttributeValues: { ':at': at.toISOString() },
        }),
      )
    },

    async putAudit(record) {
      await db.send(
        new PutCommand({
          TableName: tables.audit,
          Item: record,
          ConditionExpression: 'attribute_not_exists(eventId)',
        }),
      )
    },
  }
}

function pageKeyOf(key: Record<string, unknown> | undefined): PageKey | null {
  return key === undefined ? null : PageKey.parse(key)
}
