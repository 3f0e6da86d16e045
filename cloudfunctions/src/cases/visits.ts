import {
  QueryCommand,
  type DynamoDBDocumentClient,
  type QueryCommandInput,
} from '@aws-sdk/lib-dynamodb'
import { z } from 'zod'
import { venueDayKey } from '../checkins/keys'
import type { TableNames } from '../storage/dynamo'

// The check-ins matching reads, through keys only: a case's own from the
// `byResident` index, and the visitors of a venue from its per-day
// partitions. Neither scans the table. DynamoDB deletes expired items up
// to days late, so both drop items whose `ttl` has passed.

// The fields of a stored check-in that matching needs.
export const CheckinVisit = z.object({
  checkinId: z.string(),
  residentId: z.string(),
  venueId: z.string(),
  venueName: z.string(),
  at: z.iso.datetime(),
  ttl: z.number().int(),
})
export type CheckinVisit = z.infer<typeof CheckinVisit>

export type VisitRepository = {
  // A resident's check-ins with `from <= at < to`.
  ofResident(
    residentId: string,
    range: { from: Date; to: Date },
    nowSeconds: number,
  ): Promise<CheckinVisit[]>
  // Check-ins at a venue on one city date with `from <= at < to`.
  atVenueOnDay(
    venueId: string,
    cityDate: string,
    range: { from: Date; to: Date },
    nowSeconds: number,
  ): Promise<CheckinVisit[]>
}

const PROJECTION = 'checkinId, residentId, venueId, venueName, #at, #ttl'

export function createVisitRepository(
  db: DynamoDBDocumentClient,
  tables: TableNames,
): VisitRepository {
  async function queryAll(
    input: QueryCommandInput,
    nowSeconds: number,
  ): Promise<CheckinVisit[]> {
    const visits: CheckinVisit[] = []
    let startKey: Record<string, unknown> | undefined
    do {
      const output = await db.send(
        new QueryCommand({ ...input, ExclusiveStartKey: startKey }),
      )
      for (const item of output.Items ?? []) {
        const visit = CheckinVisit.parse(item)
        if (visit.ttl > nowSeconds) visits.push(visit)
      }
      startKey = output.LastEvaluatedKey
    } while (startKey !== undefined)
    return visits
  }

  // Sort keys are `<ISO time>#<check-in id>`, so the bounds are the ISO
  // times themselves: a check-in exactly at `to` sorts after `to`.
  function sortKeyRange(range: { from: Date; to: Date }) {
    return {
      ':from': range.from.toISOString(),
      ':to': range.to.toISOString(),
    }
  }

  return {
    ofResident(residentId, range, nowSeconds) {
      return queryAll(
        {
          TableName: tables.checkins,
          IndexName: 'byResident',
          KeyConditionExpression:
            'residentId = :residentId AND sk BETWEEN :from AND :to',
          ProjectionExpression: PROJECTION,
          ExpressionAttributeNames: { '#at': 'at', '#ttl': 'ttl' },
          ExpressionAttributeValues: {
            ':residentId': residentId,
            ...sortKeyRange(range),
          },
        },
        nowSeconds,
      )
    },

    atVenueOnDay(venueId, cityDate, range, nowSeconds) {
      return queryAll(
        {
          TableName: tables.checkins,
          KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
          ProjectionExpression: PROJECTION,
          ExpressionAttributeNames: { '#at': 'at', '#ttl': 'ttl' },
          ExpressionAttributeValues: {
            ':pk': venueDayKey(venueId, cityDate),
            ...sortKeyRange(range),
          },
          ConsistentRead: true,
        },
        nowSeconds,
      )
    },
  }
}
