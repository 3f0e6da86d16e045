import type { AuditEntry, AuditQuery } from '@healthcode/shared/api/operators'
import { newEventId, subjectKey, type Actor } from '../audit/records'
import type { OperatorServiceDependencies } from './service'

// Records one read of the audit trail returns, oldest first.
// NOTE: a subject with more records is cut off, because the route has no
// paging yet.
export const MAX_AUDIT_ENTRIES = 500

const COMMON = new Set(['residentId', 'eventId', 'at', 'kind', 'actor'])

/**
 * Reads the audit records of a resident, a venue or an operator account.
 * The read itself is audited, because the records name residents.
 */
export async function readAuditTrail(
  deps: OperatorServiceDependencies,
  input: { operator: Actor; query: AuditQuery; now: Date },
): Promise<AuditEntry[]> {
  const { query } = input
  const subject =
    query.residentId ??
    (query.venueId !== undefined
      ? subjectKey('venue', query.venueId)
      : subjectKey('operator', query.operatorId ?? ''))
  const records = await deps.audit.list(subject, MAX_AUDIT_ENTRIES)
  await deps.audit.put({
    residentId: subjectKey('operator', input.operator.accountId),
    eventId: newEventId(input.now),
    kind: 'personal_data_read',
    at: input.now.toISOString(),
    actor: input.operator,
    data: 'audit',
    query: Object.fromEntries(
      Object.entries(query).filter(
        (entry): entry is [string, string] => entry[1] !== undefined,
      ),
    ),
    residentCount: query.residentId === undefined ? 0 : 1,
  })
  return records.map(entryOf)
}

function entryOf(record: Record<string, unknown>): AuditEntry {
  const actor = record.actor as { accountId?: unknown; role?: unknown }
  return {
    eventId: String(record.eventId),
    at: String(record.at),
    kind: String(record.kind),
    actor: {
      accountId: String(actor?.accountId ?? ''),
      role: String(actor?.role ?? ''),
    },
    details: Object.fromEntries(
      Object.entries(record)
        .filter(([name]) => !COMMON.has(name))
        .map(([name, value]) => [name, jsonOf(value)]),
    ),
  }
}

// DynamoDB sets come back as JavaScript Sets, which JSON cannot hold.
function jsonOf(value: unknown): unknown {
  return value instanceof Set ? [...value] : value
}
