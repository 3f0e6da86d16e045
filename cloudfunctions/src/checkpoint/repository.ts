import {
  GetCommand,
  PutCommand,
  QueryCommand,
  type DynamoDBDocumentClient,
} from '@aws-sdk/lib-dynamodb'
import type { Color, Verdict, VerdictCode } from '@healthcode/shared'
import { z } from 'zod'
import { isConditionFailure, type TableNames } from '../storage/dynamo'

// One verification at a venue's checkpoint. It names the resident by id
// only, and only when the code or document matched one.
export type CheckpointEvent = {
  // `venue#<id>#<city date>`, like check-ins.
  pk: string
  // `<ISO time>#<event id>`.
  sk: string
  eventId: string
  venueId: string
  at: string
  guardAccountId: string
  source: 'verify' | 'manual' | 'offline'
  verdict: Verdict
  code: VerdictCode
  color?: Color
  // Degrees Celsius.
  temperature?: number
  residentId?: string
  ttl: number
}

export const Redemption = z.object({
  jti: z.string(),
  venueId: z.string(),
  guardAccountId: z.string(),
  // When the guard verified the token: server time online, device time
  // for offline verifications.
  verifiedAt: z.iso.datetime({ offset: true }),
  source: z.enum(['online', 'offline']),
  ttl: z.number().int(),
})
export type Redemption = z.infer<typeof Redemption>

// An audit record of a guard looking a person up by document.
export type ManualCheckinAudit = {
  residentId: string
  eventId: string
  kind: 'manual_checkin'
  at: string
  actor: { accountId: string; role: 'guard' }
  venueId: string
  code: VerdictCode
  // The check-in it recorded, when admitted.
  checkinId?: string
}

export type CheckpointRepository = {
  findResidentIdByCodeRef(codeRef: string): Promise<string | null>
  findResidentIdByIdentity(identityHash: string): Promise<string | null>
  // Stores the token id, or returns the earlier redemption when the token
  // was redeemed before.
  redeem(
    redemption: Redemption,
  ): Promise<{ kind: 'redeemed' } | { kind: 'used'; earlier: Redemption }>
  putEvent(event: CheckpointEvent): Promise<void>
  putAudit(record: ManualCheckinAudit): Promise<void>
}

export function createCheckpointRepository(
  db: DynamoDBDocumentClient,
  tables: TableNames,
): CheckpointRepository {
  return {
    async findResidentIdByCodeRef(codeRef) {
      const output = await db.send(
        new QueryCommand({
          TableName: tables.residents,
          IndexName: 'byCodeRef',
          KeyConditionExpression: 'codeRef = :codeRef',
          ExpressionAttributeValues: { ':codeRef': codeRef },
          Limit: 1,
        }),
      )
      const residentId: unknown = output.Items?.[0]?.residentId
      return typeof residentId === 'string' ? residentId : null
    },

    async findResidentIdByIdentity(identityHash) {
      const output = await db.send(
        new GetCommand({
          TableName: tables.identities,
          Key: { identityHash },
          ConsistentRead: true,
        }),
      )
      const residentId: unknown = output.Item?.residentId
      return typeof residentId === 'string' ? residentId : null
    },

    async redeem(redemption) {
      try {
        await db.send(
          new PutCommand({
            TableName: tables.redemptions,
            Item: redemption,
            ConditionExpression: 'attribute_not_exists(jti)',
          }),
        )
        return { kind: 'redeemed' }
      } catch (error) {
        if (!isConditionFailure(error)) throw error
      }
      const output = await db.send(
        new GetCommand({
          TableName: tables.redemptions,
          Key: { jti: redemption.jti },
          ConsistentRead: true,
        }),
      )
      if (output.Item === undefined) {
        throw new Error('A redemption reported as present is missing')
      }
      return { kind: 'used', earlier: Redemption.parse(output.Item) }
    },

    async putEvent(event) {
      await db.send(
        new PutCommand({
          TableName: tables.checkpointEvents,
          Item: event,
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      )
    },

    async putAudit(record) {
      await db.send(
        new PutCommand({
          TableName: tables.audit,
          Item: record,
          // Append-only: an event id is never reused.
          ConditionExpression: 'attribute_not_exists(eventId)',
        }),
      )
    },
  }
}
