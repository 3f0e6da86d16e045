import { ScanCommand, type ScanCommandInput } from '@aws-sdk/lib-dynamodb'
import { addCityDays, cityDate } from '@healthcode/shared'
import {
  MAX_CITY_STATS_DAYS,
  type CityStats,
} from '@healthcode/shared/api/operators'
import { z } from 'zod'
import { cityDayStart } from '../cases/dates'
import { ratingOf } from '../facts/rating'
import { fromStored, StoredFact } from '../facts/records'
import type { FieldError } from '../http/types'
import { epochSeconds } from '../storage/dynamo'
import { StoredDeclaration } from '../storage/residents'
import type { OperatorServiceDependencies } from './service'

// City statistics as counts only. Residents are counted by their color
// at the time of the request, which needs every resident's facts.
// NOTE: the residents and check-ins are read by a parallel scan with a
// projection. At a city's scale (millions of residents, millions of
// check-ins a day) that reads far more than a request should. Counters
// kept per day, color and venue type as facts and check-ins are written
// would replace it.
const SCAN_SEGMENTS = 4
const DAY_MS = 86_400_000

const ResidentFacts = z.object({
  declarations: z.array(StoredDeclaration),
  facts: z.array(StoredFact).optional(),
})

const CheckinCount = z.object({
  at: z.iso.datetime(),
  venueType: z.string(),
})

export type StatsResult =
  | { kind: 'ok'; stats: CityStats }
  | { kind: 'invalid'; errors: FieldError[] }

export async function cityStats(
  deps: OperatorServiceDependencies,
  input: { from: string; to: string; now: Date },
): Promise<StatsResult> {
  const { from, to, now } = input
  const days = (Date.parse(to) - Date.parse(from)) / DAY_MS + 1
  if (days < 1 || days > MAX_CITY_STATS_DAYS) {
    return { kind: 'invalid', errors: [{ field: 'to', code: 'too_big' }] }
  }
  const [residents, checkins, cases] = await Promise.all([
    residentsByColor(deps, now),
    checkinsByDayAndType(deps, { from, to, now }),
    casesByDay(deps, { from, to }),
  ])
  return {
    kind: 'ok',
    stats: {
      from,
      to,
      evaluatedAt: now.toISOString(),
      residents,
      checkins,
      cases,
    },
  }
}

async function scanAll(
  deps: OperatorServiceDependencies,
  input: Omit<ScanCommandInput, 'Segment' | 'TotalSegments'>,
  onItem: (item: Record<string, unknown>) => void,
): Promise<void> {
  const segments = Array.from({ length: SCAN_SEGMENTS }, (_, index) => index)
  await Promise.all(
    segments.map(async (segment) => {
      let startKey: Record<string, unknown> | undefined
      do {
        const output = await deps.accounts.db.send(
          new ScanCommand({
            ...input,
            Segment: segment,
            TotalSegments: SCAN_SEGMENTS,
            ExclusiveStartKey: startKey,
          }),
        )
        for (const item of output.Items ?? []) onItem(item)
        startKey = output.LastEvaluatedKey
      } while (startKey !== undefined)
    }),
  )
}

async function residentsByColor(
  deps: OperatorServiceDependencies,
  now: Date,
): Promise<CityStats['residents']> {
  const counts = { green: 0, yellow: 0, red: 0, unrated: 0 }
  await scanAll(
    deps,
    {
      TableName: deps.accounts.tables.residents,
      ProjectionExpression: 'declarations, facts',
    },
    (item) => {
      const resident = ResidentFacts.parse(item)
      const rating = ratingOf(
        deps.rules,
        resident.declarations,
        (resident.facts ?? []).map(fromStored),
        now,
      )
      counts[rating?.color ?? 'unrated'] += 1
    },
  )
  return counts
}

async function checkinsByDayAndType(
  deps: OperatorServiceDependencies,
  input: { from: string; to: string; now: Date },
): Promise<CityStats['checkins']> {
  const { rules } = deps
  const start = cityDayStart(input.from, rules.timeZone)
  const lastDay = cityDayStart(input.to, rules.timeZone)
  const end = addCityDays(lastDay, 1, rules.timeZone)
  const counts = new Map<string, number>()
  await scanAll(
    deps,
    {
      TableName: deps.accounts.tables.checkins,
      ProjectionExpression: '#at, venueType',
      FilterExpression: '#at >= :from AND #at < :to AND #ttl > :now',
      ExpressionAttributeNames: { '#at': 'at', '#ttl': 'ttl' },
      ExpressionAttributeValues: {
        ':from': start.toISOString(),
        ':to': end.toISOString(),
        ':now': epochSeconds(input.now),
      },
    },
    (item) => {
      const checkin = CheckinCount.parse(item)
      const date = cityDate(new Date(checkin.at), rules.timeZone)
      const key = `${date}|${checkin.venueType}`
      counts.set(key, (counts.get(key) ?? 0) + 1)
    },
  )
  return [...counts]
    .map(([key, count]) => {
      const [date = '', venueType = ''] = key.split('|')
      return { date, venueType, count }
    })
    .sort((a, b) =>
      a.date === b.date
        ? compare(a.venueType, b.venueType)
        : compare(a.date, b.date),
    )
}

async function casesByDay(
  deps: OperatorServiceDependencies,
  input: { from: string; to: string },
): Promise<CityStats['cases']> {
  const cases = await deps.cases.listCases()
  const byDay = new Map<string, { confirmed: number; suspected: number }>()
  for (const reported of cases) {
    if (reported.reportDay < input.from || reported.reportDay > input.to) {
      continue
    }
    const day = byDay.get(reported.reportDay) ?? { confirmed: 0, suspected: 0 }
    day[reported.kind] += 1
    byDay.set(reported.reportDay, day)
  }
  return [...byDay]
    .map(([date, counts]) => ({ date, ...counts }))
    .sort((a, b) => compare(a.date, b.date))
}

function compare(a: string, b: string): number {
  if (a < b) return -1
  return a > b ? 1 : 0
}
