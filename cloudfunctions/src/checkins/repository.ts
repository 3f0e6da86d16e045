import { TransactionCanceledException } from '@aws-sdk/client-dynamodb'
import {
  GetCommand,
  QueryCommand,
  TransactWriteCommand,
  type DynamoDBDocumentClient,
} from '@aws-sdk/lib-dynamodb'
import {
  CheckinFlag,
  CheckinSource,
  Coordinates,
  VenueType,
} from '@healthcode/shared'
import { z } from 'zod'
import type { TableNames } from '../storage/dynamo'

// Check-ins and presence items. Times are ISO strings, except `until` in
// epoch milliseconds and `ttl` in epoch seconds. DynamoDB deletes expired
// items in the background, up to days late, so every read drops items
// whose `ttl` has passed.

export const StoredCheckin = z.object({
  pk: z.string(),
  sk: z.string(),
  checkinId: z.string(),
  venueId: z.string(),
  // The venue's name and type at check-in time, for the history.
  venueName: z.string(),
  venueType: VenueType,
  residentId: z.string(),
  at: z.iso.datetime(),
  source: CheckinSource,
  // The guard who verified or entered the check-in.
  guardAccountId: z.string().optional(),
  flags: z.array(CheckinFlag),
  // Position of the check-in for the implausible-travel check: the
  // venue's coordinates, else the phone's rounded to about 100 m.
  position: Coordinates.optional(),
  // The phone's clock, as metadata only, because `at` is server time.
  clientTime: z.iso.datetime({ offset: true }).optional(),
  ttl: z.number().int(),
})
export type StoredCheckin = z.infer<typeof StoredCheckin>

export const Presence = z.object({
  pk: z.string(),
  checkinPk: z.string(),
  checkinSk: z.string(),
  // Epoch milliseconds until which another scan returns this check-in.
  until: z.number(),
  ttl: z.number().int(),
})
export type Presence = z.infer<typeof Presence>

export type PutCheckinOutcome = 'created' | 'present' | 'conflict'

export type CheckinRepository = {
  getPresence(key: string): Promise<Presence | null>
  get(pk: string, sk: string, nowSeconds: number): Promise<StoredCheckin | null>
  // Writes the check-in with its presence item unless the resident is
  // still present at the venue at `atMs`.
  putWithPresence(
    checkin: StoredCheckin,
    presence: Presence,
    atMs: number,
  ): Promise<PutCheckinOutcome>
  // A resident's check-ins, newest first, at most `limit`.
  listByResident(
    residentId: string,
    nowSeconds: number,
    limit: number,
  ): Promise<StoredCheckin[]>
  findByResident(
    residentId: string,
    checkinId: string,
    nowSeconds: number,
  ): Promise<StoredCheckin | null>
  // The resident's latest check-in at or before `at`.
  latestBefore(
    residentId: string,
    at: Date,
    nowSeconds: number,
  ): Promise<StoredCheckin | null>
}

const PRESENCE_ITEM = 0

export function createCheckinRepository(
  db: DynamoDBDocumentClient,
  tables: TableNames,
): CheckinRepository {
  const liveCheckin = (item: Record<string, unknown>, nowSeconds: number) => {
    const checkin = StoredCheckin.parse(item)
    return checkin.ttl > nowSeconds ? checkin : null
  }

  async function queryResident(
    residentId: string,
    nowSeconds: number,
    accept: (checkin: StoredCheckin) => boolean,
    limit: number,
    // Only items whose sort key is below this.
    sortKeyBelow?: string,
  ): Promise<StoredCheckin[]> {
    const found: StoredCheckin[] = []
    let startKey: Record<string, unknown> | undefined
    do {
      const output = await db.send(
        new QueryCommand({
          TableName: tables.checkins,
          IndexName: 'byResident',
          KeyConditionExpression:
            sortKeyBelow === undefined
              ? 'residentId = :residentId'
              : 'residentId = :residentId AND sk < :below',
          FilterExpression: '#ttl > :now',
          ExpressionAttributeNames: { '#ttl': 'ttl' },
          ExpressionAttributeValues: {
            ':residentId': residentId,
            ':now': nowSeconds,
            ...(sortKeyBelow === undefined ? {} : { ':below': sortKeyBelow }),
          },
          ScanIndexForward: false,
          ExclusiveStartKey: startKey,
        }),
      )
      for (const item of output.Items ?? []) {
        const checkin = liveCheckin(item, nowSeconds)
        if (checkin !== null && accept(checkin)) found.push(checkin)
        if (found.length >= limit) return found
      }
      startKey = output.LastEvaluatedKey
    } while (startKey !== undefined)
    return found
  }

  return {
    async getPresence(key) {
      const output = await db.send(
        new GetCommand({
          TableName: tables.presence,
          Key: { pk: key },
          ConsistentRead: true,
        }),
      )
      return output.Item === undefined ? null : Presence.parse(output.Item)
    },

    async get(pk, sk, nowSeconds) {
      const output = await db.send(
        new GetCommand({
          TableName: tables.checkins,
          Key: { pk, sk },
          ConsistentRead: true,
        }),
      )
      return output.Item === undefined
        ? null
        : liveCheckin(output.Item, nowSeconds)
    },

    async putWithPresence(checkin, presence, atMs) {
      try {
        await db.send(
          new TransactWriteCommand({
            // The order must match PRESENCE_ITEM.
            TransactItems: [
              {
                Put: {
                  TableName: tables.presence,
                  Item: presence,
                  ConditionExpression:
                    'attribute_not_exists(pk) OR #until <= :at',
                  ExpressionAttributeNames: { '#until': 'until' },
                  ExpressionAttributeValues: { ':at': atMs },
                },
              },
              {
                Put: {
                  TableName: tables.checkins,
                  Item: checkin,
                  ConditionExpression: 'attribute_not_exists(pk)',
                },
              },
            ],
          }),
        )
        return 'created'
      } catch (error) {
        if (!(error instanceof TransactionCanceledException)) throw error
        const reasons = error.CancellationReasons ?? []
        const code = reasons[PRESENCE_ITEM]?.Code
        if (code === 'ConditionalCheckFailed') return 'present'
        const conflict = reasons.some(
          (reason) => reason.Code === 'TransactionConflict',
        )
        if (conflict) return 'conflict'
        throw error
      }
    },

    listByResident(residentId, nowSeconds, limit) {
      return queryResident(residentId, nowSeconds, () => true, limit)
    },

    async latestBefore(residentId, at, nowSeconds) {
      // '~' sorts after every character of an ISO time and a check-in id,
      // so check-ins at `at` itself count as before.
      const below = `${at.toISOString()}#~`
      const found = await queryResident(
        residentId,
        nowSeconds,
        () => true,
        1,
        below,
      )
      return found[0] ?? null
    },

    async findByResident(residentId, checkinId, nowSeconds) {
      const found = await queryResident(
        residentId,
        nowSeconds,
        (checkin) => checkin.checkinId === checkinId,
        1,
      )
      return found[0] ?? null
    },
  }
}
