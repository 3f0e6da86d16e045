import {
  GetCommand,
  PutCommand,
  ScanCommand,
  UpdateCommand,
  type DynamoDBDocumentClient,
} from '@aws-sdk/lib-dynamodb'
import { RiskColor } from '@healthcode/shared'
import { MatchingState } from '@healthcode/shared/api/operators'
import { z } from 'zod'
import { isConditionFailure, type TableNames } from '../storage/dynamo'

// Reported cases and risk windows of venues. Both have deterministic ids,
// so a repeated report finds the first record, and both remember whether
// matching was started, so a repeated report starts it only when the
// first attempt did not.

const CalendarDate = z.iso.date()
const Time = z.iso.datetime()

export const StoredCase = z.object({
  caseId: z.string(),
  residentId: z.string(),
  kind: z.enum(['confirmed', 'suspected']),
  // City dates.
  onset: CalendarDate,
  sampleDate: CalendarDate.optional(),
  note: z.string().optional(),
  reportedAt: Time,
  // City date of the report, for the statistics per day.
  reportDay: CalendarDate,
  reportedBy: z.string(),
  matching: MatchingState,
  // Set by the matcher.
  matchedAt: Time.optional(),
  exposureCount: z.number().int().optional(),
})
export type StoredCase = z.infer<typeof StoredCase>

export const StoredRiskWindow = z.object({
  riskId: z.string(),
  venueId: z.string(),
  venueName: z.string(),
  start: Time,
  end: Time,
  level: RiskColor,
  note: z.string().optional(),
  createdAt: Time,
  createdBy: z.string(),
  matching: MatchingState,
  matchedAt: Time.optional(),
  exposureCount: z.number().int().optional(),
})
export type StoredRiskWindow = z.infer<typeof StoredRiskWindow>

export type MatchTarget =
  | { kind: 'case'; id: string }
  | { kind: 'venue'; id: string }

export type PutOutcome<T> =
  | { kind: 'created'; item: T }
  | { kind: 'existing'; item: T }

export type CaseRepository = {
  // The resident registered with a keyed identity hash, or null.
  findResidentId(identityHash: string): Promise<string | null>
  // Writes the case unless its id exists, else returns the stored one.
  putCase(item: StoredCase): Promise<PutOutcome<StoredCase>>
  getCase(caseId: string): Promise<StoredCase | null>
  putRiskWindow(item: StoredRiskWindow): Promise<PutOutcome<StoredRiskWindow>>
  getRiskWindow(riskId: string): Promise<StoredRiskWindow | null>
  // Records that matching was started, unless the matcher already
  // finished, which can happen before the reporter gets here.
  markRequested(target: MatchTarget): Promise<void>
  markMatched(
    target: MatchTarget,
    result: { matchedAt: string; exposureCount: number },
  ): Promise<void>
  // Lists every case. NOTE: a scan reads the whole table, which suits a
  // city with few cases but not a large outbreak.
  listCases(): Promise<StoredCase[]>
}

export function createCaseRepository(
  db: DynamoDBDocumentClient,
  tables: TableNames,
): CaseRepository {
  async function getItem(tableName: string, key: Record<string, string>) {
    const output = await db.send(
      new GetCommand({ TableName: tableName, Key: key, ConsistentRead: true }),
    )
    return output.Item
  }

  async function putNew<T extends Record<string, unknown>>(
    tableName: string,
    keyName: string,
    item: T,
    parse: (raw: unknown) => T,
  ): Promise<PutOutcome<T>> {
    try {
      await db.send(
        new PutCommand({
          TableName: tableName,
          Item: item,
          ConditionExpression: `attribute_not_exists(${keyName})`,
        }),
      )
      return { kind: 'created', item }
    } catch (error) {
      if (!isConditionFailure(error)) throw error
    }
    const key = { [keyName]: String(item[keyName]) }
    const stored = await getItem(tableName, key)
    if (stored === undefined) {
      throw new Error(
        `${keyName} ${String(item[keyName])} failed its condition but ` +
          'could not be read',
      )
    }
    return { kind: 'existing', item: parse(stored) }
  }

  return {
    async findResidentId(identityHash) {
      const item = await getItem(tables.identities, { identityHash })
      const residentId: unknown = item?.residentId
      return typeof residentId === 'string' ? residentId : null
    },

    putCase: (item) =>
      putNew(tables.cases, 'caseId', item, (raw) => StoredCase.parse(raw)),

    async getCase(caseId) {
      const item = await getItem(tables.cases, { caseId })
      return item === undefined ? null : StoredCase.parse(item)
    },

    putRiskWindow: (item) =>
      putNew(tables.riskWindows, 'riskId', item, (raw) =>
        StoredRiskWindow.parse(raw),
      ),

    async getRiskWindow(riskId) {
      const item = await getItem(tables.riskWindows, { riskId })
      return item === undefined ? null : StoredRiskWindow.parse(item)
    },

    async markRequested(target) {
      try {
        await db.send(
          new UpdateCommand({
            ...keyOf(tables, target),
            UpdateExpression: 'SET matching = :requested',
            ConditionExpression: 'matching = :pending',
            ExpressionAttributeValues: {
              ':requested': 'requested',
              ':pending': 'pending',
            },
          }),
        )
      } catch (error) {
        if (!isConditionFailure(error)) throw error
      }
    },

    async markMatched(target, result) {
      const key = keyOf(tables, target)
      await db.send(
        new UpdateCommand({
          ...key,
          UpdateExpression:
            'SET matching = :done, matchedAt = :at, exposureCount = :count',
          ConditionExpression: `attribute_exists(${Object.keys(key.Key)[0]})`,
          ExpressionAttributeValues: {
            ':done': 'done',
            ':at': result.matchedAt,
            ':count': result.exposureCount,
          },
        }),
      )
    },

    async listCases() {
      const cases: StoredCase[] = []
      let startKey: Record<string, unknown> | undefined
      do {
        const output = await db.send(
          new ScanCommand({
            TableName: tables.cases,
            ExclusiveStartKey: startKey,
          }),
        )
        for (const item of output.Items ?? []) {
          cases.push(StoredCase.parse(item))
        }
        startKey = output.LastEvaluatedKey
      } while (startKey !== undefined)
      return cases.sort((a, b) =>
        a.reportedAt === b.reportedAt
          ? compare(a.caseId, b.caseId)
          : compare(a.reportedAt, b.reportedAt),
      )
    },
  }
}

function keyOf(tables: TableNames, target: MatchTarget) {
  return target.kind === 'case'
    ? { TableName: tables.cases, Key: { caseId: target.id } }
    : { TableName: tables.riskWindows, Key: { riskId: target.id } }
}

function compare(a: string, b: string): number {
  if (a < b) return -1
  return a > b ? 1 : 0
}
