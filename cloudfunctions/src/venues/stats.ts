import {
  QueryCommand,
  type DynamoDBDocumentClient,
} from '@aws-sdk/lib-dynamodb'
import {
  MAX_STATS_DAYS,
  type DayStats,
  type VenueStats,
} from '@healthcode/shared'
import { venueDayKey } from '../checkins/keys'
import { epochSeconds, type TableNames } from '../storage/dynamo'
import type { VenueRepository } from './repository'

const DAY_MS = 86_400_000

export type StatsDependencies = {
  db: DynamoDBDocumentClient
  tables: TableNames
  venues: VenueRepository
}

export type StatsResult =
  | { kind: 'ok'; stats: VenueStats }
  | { kind: 'not_found' }
  | { kind: 'range_invalid'; field: 'from' | 'to' }

/**
 * Counts a venue's check-ins and denied verifications per city date, for
 * its business only. Items past their retention are not counted, even
 * before DynamoDB deletes them.
 */
export async function venueStats(
  deps: StatsDependencies,
  input: {
    accountId: string
    venueId: string
    from: string
    to: string
    now: Date
  },
): Promise<StatsResult> {
  const venue = await deps.venues.get(input.venueId)
  if (venue === null || venue.ownerAccountId !== input.accountId) {
    return { kind: 'not_found' }
  }
  const dates = datesBetween(input.from, input.to)
  if (dates === null) return { kind: 'range_invalid', field: 'to' }
  const nowSeconds = epochSeconds(input.now)
  const days: DayStats[] = await Promise.all(
    dates.map(async (date) => ({
      date,
      checkins: await countDay(deps, 'checkins', venue.venueId, date, {
        nowSeconds,
        deniedOnly: false,
      }),
      denied: await countDay(deps, 'checkpointEvents', venue.venueId, date, {
        nowSeconds,
        deniedOnly: true,
      }),
    })),
  )
  return {
    kind: 'ok',
    stats: { venueId: venue.venueId, from: input.from, to: input.to, days },
  }
}

// Lists the dates from `from` to `to`, inclusive, or returns null when
// `to` is before `from` or the range is longer than MAX_STATS_DAYS.
function datesBetween(from: string, to: string): string[] | null {
  const start = Date.parse(`${from}T00:00:00Z`)
  const end = Date.parse(`${to}T00:00:00Z`)
  const count = (end - start) / DAY_MS + 1
  if (count < 1 || count > MAX_STATS_DAYS) return null
  return Array.from({ length: count }, (_, index) =>
    new Date(start + index * DAY_MS).toISOString().slice(0, 10),
  )
}

async function countDay(
  deps: StatsDependencies,
  table: 'checkins' | 'checkpointEvents',
  venueId: string,
  date: string,
  options: { nowSeconds: number; deniedOnly: boolean },
): Promise<number> {
  const filter = options.deniedOnly
    ? '#ttl > :now AND verdict = :deny'
    : '#ttl > :now'
  let count = 0
  let startKey: Record<string, unknown> | undefined
  do {
    const output = await deps.db.send(
      new QueryCommand({
        TableName: deps.tables[table],
        KeyConditionExpression: 'pk = :pk',
        FilterExpression: filter,
        ExpressionAttributeNames: { '#ttl': 'ttl' },
        ExpressionAttributeValues: {
          ':pk': venueDayKey(venueId, date),
          ':now': options.nowSeconds,
          ...(options.deniedOnly ? { ':deny': 'deny' } : {}),
        },
        Select: 'COUNT',
        ExclusiveStartKey: startKey,
      }),
    )
    count += output.Count ?? 0
    startKey = output.LastEvaluatedKey
  } while (startKey !== undefined)
  return count
}
