import {
  PutCommand,
  QueryCommand,
  type DynamoDBDocumentClient,
} from '@aws-sdk/lib-dynamodb'
import type { Color, Role } from '@healthcode/shared'
import { randomId } from '../auth/session'
import type { TableNames } from '../storage/dynamo'

// Append-only audit records. Each is written once under a condition that
// its key is new, and never updated or deleted. The partition key
// attribute is `residentId`, the name the audit table was created with.
// Records about a resident use the resident's id. Records about no
// resident use a subject key from `subjectKey`.

// The account that acted. The matcher and other background work act as
// 'system'.
export type Actor = { accountId: string; role: Role | 'system' }

type AuditBase = {
  residentId: string
  // ISO time plus a random suffix, so records sort by time per subject.
  eventId: string
  at: string
  actor: Actor
}

export type RatingSource =
  | 'questionnaire'
  | 'exposure'
  | 'case'
  | 'override'
  | 'appeal'
  | 'household'

// A change of a resident's color.
export type RatingChangedRecord = AuditBase & {
  kind: 'rating_changed'
  source: RatingSource
  // Facts whose append changed the color.
  factIds?: string[]
  // null when the resident was unrated before.
  before: Color | null
  // null when the resident is unrated after: no declaration and green,
  // as after an override to green of a case who never declared.
  after: Color | null
  // Rules behind the new color, such as `exposure.confirmed_case`.
  rules: string[]
  rulesVersion: string
}

export type OperatorAction =
  | 'case_reported'
  | 'risk_window_listed'
  | 'override_set'
  | 'override_requested'
  | 'override_approved'
  | 'travel_records_imported'
  | 'operator_created'
  | 'operator_revoked'

// Something an operator did. `before` and `after` describe the changed
// record by ids, colors and times, never by names or document numbers.
export type OperatorActionRecord = AuditBase & {
  kind: 'operator_action'
  action: OperatorAction
  // Id of the record acted on: a case, risk window, request or account.
  target: string
  before: Record<string, unknown> | null
  after: Record<string, unknown> | null
}

export type PersonalDataRead =
  | 'audit'
  | 'cases_export'
  | 'flags'
  | 'override_requests'

// An operator read of data about residents.
export type PersonalDataReadRecord = AuditBase & {
  kind: 'personal_data_read'
  data: PersonalDataRead
  // The query parameters of the read.
  query: Record<string, string>
  // Residents whose data the response contained.
  residentCount: number
}

export type AuditRecord =
  | RatingChangedRecord
  | OperatorActionRecord
  | PersonalDataReadRecord

/** Returns the partition key of records about no resident. */
export function subjectKey(
  kind: 'venue' | 'operator',
  id: string,
): string {
  return `${kind}#${id}`
}

/** Returns a new event id that sorts by `at`. */
export function newEventId(at: Date): string {
  return `${at.toISOString()}#${randomId()}`
}

/** Returns the Put of a record, for a transaction or a single write. */
export function auditPut(tableName: string, record: AuditRecord) {
  return {
    TableName: tableName,
    Item: record,
    // Append-only: an event id is never reused.
    ConditionExpression: 'attribute_not_exists(eventId)',
  } satisfies ConstructorParameters<typeof PutCommand>[0]
}

export type AuditLog = {
  put(record: AuditRecord): Promise<void>
  // Records of one subject, oldest first, at most `limit`.
  list(subject: string, limit: number): Promise<Record<string, unknown>[]>
}

export function createAuditLog(
  db: DynamoDBDocumentClient,
  tables: TableNames,
): AuditLog {
  return {
    async put(record) {
      await db.send(new PutCommand(auditPut(tables.audit, record)))
    },

    async list(subject, limit) {
      const items: Record<string, unknown>[] = []
      let startKey: Record<string, unknown> | undefined
      do {
        const output = await db.send(
          new QueryCommand({
            TableName: tables.audit,
            KeyConditionExpression: 'residentId = :subject',
            ExpressionAttributeValues: { ':subject': subject },
            ExclusiveStartKey: startKey,
            Limit: limit - items.length,
          }),
        )
        items.push(...(output.Items ?? []))
        startKey = output.LastEvaluatedKey
      } while (startKey !== undefined && items.length < limit)
      return items
    },
  }
}
