import {
  GetCommand,
  PutCommand,
  QueryCommand,
  TransactWriteCommand,
  type DynamoDBDocumentClient,
} from '@aws-sdk/lib-dynamodb'
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb'
import { Coordinates, VenuePolicy, VenueType } from '@healthcode/shared'
import { z } from 'zod'
import { accountKey } from '../storage/accounts'
import type { TableNames } from '../storage/dynamo'

// DynamoDB string sets come back as a JavaScript Set.
const StringSet = z
  .union([z.set(z.string()), z.array(z.string())])
  .transform((values) => [...values].sort())

export const StoredVenue = z.object({
  venueId: z.string(),
  city: z.string(),
  ownerAccountId: z.string(),
  name: z.string(),
  address: z.string(),
  type: VenueType,
  location: Coordinates.optional(),
  policy: VenuePolicy,
  codeVersion: z.number().int().positive(),
  // Replaced code versions -> ISO time of their replacement, kept while
  // the city's grace period lets them admit check-ins.
  replacedCodeVersions: z.record(z.string(), z.iso.datetime()),
  guardAccountIds: StringSet.optional(),
  createdAt: z.iso.datetime(),
})
export type StoredVenue = z.infer<typeof StoredVenue>

// One change of a venue, written once and never updated. Holds ids only.
export type VenueAuditRecord = {
  venueId: string
  // ISO time plus a random suffix, so records sort by time per venue.
  eventId: string
  at: string
  actor: { accountId: string; role: 'business' }
} & (
  | { kind: 'code_rotated'; fromVersion: number; toVersion: number }
  | { kind: 'guard_added'; guardAccountId: string }
)

export type VenueRepository = {
  put(venue: StoredVenue): Promise<void>
  get(venueId: string): Promise<StoredVenue | null>
  listByOwner(ownerAccountId: string): Promise<StoredVenue[]>
  // Replaces the code version if it is still `venue.codeVersion`.
  rotateCode(input: {
    venue: StoredVenue
    replacedCodeVersions: Record<string, string>
    audit: VenueAuditRecord
  }): Promise<'rotated' | 'conflict'>
  // Grants the guard role for the venue to an account, if the venue still
  // belongs to `ownerAccountId`.
  addGuard(input: {
    venueId: string
    ownerAccountId: string
    guardAccountId: string
    audit: VenueAuditRecord
  }): Promise<'added' | 'venue_gone'>
}

export function createVenueRepository(
  db: DynamoDBDocumentClient,
  tables: TableNames,
): VenueRepository {
  return {
    async put(venue) {
      await db.send(
        new PutCommand({
          TableName: tables.venues,
          Item: venueItem(venue),
          ConditionExpression: 'attribute_not_exists(venueId)',
        }),
      )
    },

    async get(venueId) {
      const output = await db.send(
        new GetCommand({
          TableName: tables.venues,
          Key: { venueId },
          ConsistentRead: true,
        }),
      )
      return output.Item === undefined ? null : StoredVenue.parse(output.Item)
    },

    async listByOwner(ownerAccountId) {
      const venues: StoredVenue[] = []
      let startKey: Record<string, unknown> | undefined
      do {
        const output = await db.send(
          new QueryCommand({
            TableName: tables.venues,
            IndexName: 'byOwner',
            KeyConditionExpression: 'ownerAccountId = :owner',
            ExpressionAttributeValues: { ':owner': ownerAccountId },
            ExclusiveStartKey: startKey,
          }),
        )
        for (const item of output.Items ?? []) {
          venues.push(StoredVenue.parse(item))
        }
        startKey = output.LastEvaluatedKey
      } while (startKey !== undefined)
      return venues
    },

    async rotateCode({ venue, replacedCodeVersions, audit }) {
      try {
        await db.send(
          new TransactWriteCommand({
            TransactItems: [
              {
                Update: {
                  TableName: tables.venues,
                  Key: { venueId: venue.venueId },
                  UpdateExpression:
                    'SET codeVersion = :next, ' +
                    'replacedCodeVersions = :replaced',
                  ConditionExpression: 'codeVersion = :current',
                  ExpressionAttributeValues: {
                    ':current': venue.codeVersion,
                    ':next': venue.codeVersion + 1,
                    ':replaced': replacedCodeVersions,
                  },
                },
              },
              { Put: auditPut(tables.venueAudit, audit) },
            ],
          }),
        )
        return 'rotated'
      } catch (error) {
        if (error instanceof TransactionCanceledException) return 'conflict'
        throw error
      }
    },

    async addGuard({ venueId, ownerAccountId, guardAccountId, audit }) {
      try {
        await db.send(
          new TransactWriteCommand({
            TransactItems: [
              {
                Update: {
                  TableName: tables.venues,
                  Key: { venueId },
                  UpdateExpression: 'ADD guardAccountIds :guard',
                  ConditionExpression: 'ownerAccountId = :owner',
                  ExpressionAttributeValues: {
                    ':guard': new Set([guardAccountId]),
                    ':owner': ownerAccountId,
                  },
                },
              },
              {
                Update: {
                  TableName: tables.accounts,
                  Key: accountKey(guardAccountId),
                  UpdateExpression:
                    'ADD #roles :guardRole, guardVenueIds :venue',
                  ConditionExpression: 'attribute_exists(pk)',
                  ExpressionAttributeNames: { '#roles': 'roles' },
                  ExpressionAttributeValues: {
                    ':guardRole': new Set(['guard']),
                    ':venue': new Set([venueId]),
                  },
                },
              },
              { Put: auditPut(tables.venueAudit, audit) },
            ],
          }),
        )
        return 'added'
      } catch (error) {
        if (!(error instanceof TransactionCanceledException)) throw error
        const venueFailed =
          error.CancellationReasons?.[0]?.Code === 'ConditionalCheckFailed'
        if (venueFailed) return 'venue_gone'
        throw error
      }
    },
  }
}

function venueItem(venue: StoredVenue): Record<string, unknown> {
  const { guardAccountIds, ...rest } = venue
  const item: Record<string, unknown> = { ...rest }
  if (guardAccountIds !== undefined && guardAccountIds.length > 0) {
    item.guardAccountIds = new Set(guardAccountIds)
  }
  return item
}

function auditPut(tableName: string, record: VenueAuditRecord) {
  return {
    TableName: tableName,
    Item: record,
    // Append-only: an event id is never reused.
    ConditionExpression: 'attribute_not_exists(eventId)',
  }
}
