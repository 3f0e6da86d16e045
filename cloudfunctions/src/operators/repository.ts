import {
  BatchGetCommand,
  GetCommand,
  PutCommand,
  QueryCommand,
  UpdateCommand,
  type DynamoDBDocumentClient,
} from '@aws-sdk/lib-dynamodb'
import { RiskColor } from '@healthcode/shared'
import { OverrideReasonCode } from '@healthcode/shared/api/operators'
import { z } from 'zod'
import { isConditionFailure, type TableNames } from '../storage/dynamo'

// Bulk override requests and import flags.

const Time = z.iso.datetime()

export const StoredOverrideRequest = z.object({
  requestId: z.string(),
  // pending -> approved -> applied. `approved` lasts while the residents
  // are updated, so a crash midway leaves a request that approving again
  // finishes.
  status: z.enum(['pending', 'approved', 'applied']),
  color: RiskColor,
  until: Time,
  reasonCode: OverrideReasonCode,
  evidenceRef: z.string(),
  residentIds: z.array(z.string()),
  requestedBy: z.string(),
  requestedAt: Time,
  approvedBy: z.string().optional(),
  approvedAt: Time.optional(),
  result: z
    .object({
      changed: z.number().int(),
      unchanged: z.number().int(),
      notFound: z.number().int(),
    })
    .optional(),
})
export type StoredOverrideRequest = z.infer<typeof StoredOverrideRequest>

export const StoredFlag = z.object({
  flagId: z.string(),
  status: z.literal('open'),
  residentId: z.string(),
  kind: z.literal('travel_not_declared'),
  place: z.string(),
  at: Time,
  declaredAt: Time,
  createdAt: Time,
  createdBy: z.string(),
})
export type StoredFlag = z.infer<typeof StoredFlag>

export type ApproveOutcome =
  | { kind: 'approved'; request: StoredOverrideRequest }
  | { kind: 'not_found' }
  | { kind: 'self_approval' }
  | { kind: 'decided' }

// Bounds the pending requests and flags one listing returns.
export const MAX_LISTED = 500

export type OperatorRepository = {
  putRequest(request: StoredOverrideRequest): Promise<void>
  // Marks a pending (or interrupted approved) request approved by an
  // operator other than its requester.
  approve(
    requestId: string,
    approver: string,
    now: Date,
  ): Promise<ApproveOutcome>
  markApplied(
    requestId: string,
    result: NonNullable<StoredOverrideRequest['result']>,
  ): Promise<StoredOverrideRequest>
  listPending(): Promise<StoredOverrideRequest[]>
  // Writes a flag unless one with its id exists. Returns whether it did.
  putFlag(flag: StoredFlag): Promise<boolean>
  listFlags(): Promise<StoredFlag[]>
  // Resident ids of keyed identity hashes, for those registered.
  residentIdsOf(identityHashes: readonly string[]): Promise<Map<string, string>>
}

// BatchGetItem reads at most 100 keys per request.
const BATCH_GET_KEYS = 100

export function createOperatorRepository(
  db: DynamoDBDocumentClient,
  tables: TableNames,
): OperatorRepository {
  async function getRequest(requestId: string) {
    const output = await db.send(
      new GetCommand({
        TableName: tables.overrideRequests,
        Key: { requestId },
        ConsistentRead: true,
      }),
    )
    const item = output.Item
    return item === undefined ? null : StoredOverrideRequest.parse(item)
  }

  async function queryOpen<T>(
    tableName: string,
    status: string,
    parse: (item: unknown) => T,
  ): Promise<T[]> {
    const output = await db.send(
      new QueryCommand({
        TableName: tableName,
        IndexName: 'byStatus',
        KeyConditionExpression: '#status = :status',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':status': status },
        Limit: MAX_LISTED,
      }),
    )
    return (output.Items ?? []).map(parse)
  }

  return {
    async putRequest(request) {
      await db.send(
        new PutCommand({
          TableName: tables.overrideRequests,
          Item: request,
          ConditionExpression: 'attribute_not_exists(requestId)',
        }),
      )
    },

    async approve(requestId, approver, now) {
      try {
        const output = await db.send(
          new UpdateCommand({
            TableName: tables.overrideRequests,
            Key: { requestId },
            UpdateExpression:
              'SET #status = :approved, approvedBy = :approver, ' +
              'approvedAt = if_not_exists(approvedAt, :now)',
            ConditionExpression:
              'attribute_exists(requestId) AND requestedBy <> :approver ' +
              'AND (#status = :pending OR ' +
              '(#status = :approved AND approvedBy = :approver))',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: {
              ':approved': 'approved',
              ':pending': 'pending',
              ':approver': approver,
              ':now': now.toISOString(),
            },
            ReturnValues: 'ALL_NEW',
          }),
        )
        return {
          kind: 'approved',
          request: StoredOverrideRequest.parse(output.Attributes),
        }
      } catch (error) {
        if (!isConditionFailure(error)) throw error
      }
      const current = await getRequest(requestId)
      if (current === null) return { kind: 'not_found' }
      if (current.requestedBy === approver) return { kind: 'self_approval' }
      return { kind: 'decided' }
    },

    async markApplied(requestId, result) {
      const output = await db.send(
        new UpdateCommand({
          TableName: tables.overrideRequests,
          Key: { requestId },
          UpdateExpression: 'SET #status = :applied, #result = :result',
          ConditionExpression: 'attribute_exists(requestId)',
          ExpressionAttributeNames: {
            '#status': 'status',
            '#result': 'result',
          },
          ExpressionAttributeValues: {
            ':applied': 'applied',
            ':result': result,
          },
          ReturnValues: 'ALL_NEW',
        }),
      )
      return StoredOverrideRequest.parse(output.Attributes)
    },

    listPending: () =>
      queryOpen(tables.overrideRequests, 'pending', (item) =>
        StoredOverrideRequest.parse(item),
      ),

    async putFlag(flag) {
      try {
        await db.send(
          new PutCommand({
            TableName: tables.flags,
            Item: flag,
            ConditionExpression: 'attribute_not_exists(flagId)',
          }),
        )
        return true
      } catch (error) {
        if (isConditionFailure(error)) return false
        throw error
      }
    },

    listFlags: () =>
      queryOpen(tables.flags, 'open', (item) => StoredFlag.parse(item)),

    async residentIdsOf(identityHashes) {
      const found = new Map<string, string>()
      const unique = [...new Set(identityHashes)]
      for (let index = 0; index < unique.length; index += BATCH_GET_KEYS) {
        let keys: Record<string, unknown>[] = unique
          .slice(index, index + BATCH_GET_KEYS)
          .map((identityHash) => ({ identityHash }))
        // DynamoDB may return some keys unprocessed under load.
        while (keys.length > 0) {
          const output = await db.send(
            new BatchGetCommand({
              RequestItems: {
                [tables.identities]: {
                  Keys: keys,
                  ProjectionExpression: 'identityHash, residentId',
                },
              },
            }),
          )
          for (const item of output.Responses?.[tables.identities] ?? []) {
            found.set(String(item.identityHash), String(item.residentId))
          }
          keys = output.UnprocessedKeys?.[tables.identities]?.Keys ?? []
        }
      }
      return found
    },
  }
}
