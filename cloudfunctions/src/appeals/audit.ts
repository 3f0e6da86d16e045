import type { AppealStatus } from '@healthcode/shared'
import { newEventId, subjectKey, type Actor } from '../audit/records'

// Audit records of appeals, in the layout of cloudfunctions/src/audit:
// written once to the audit table and never changed.
// NOTE: the unions of audit/records.ts do not list these kinds yet, so
// they are typed here.

// An operator's decision, filed under the appealed resident.
export type AppealDecidedRecord = {
  residentId: string
  eventId: string
  at: string
  actor: Actor
  kind: 'operator_action'
  action: 'appeal_approved' | 'appeal_rejected'
  // The appeal id.
  target: string
  before: { status: 'pending' }
  after: { status: AppealStatus; rules: string[] }
}

// An operator's read of appeals, which contain residents' messages and
// reasons, filed under the operator.
export type AppealsReadRecord = {
  residentId: string
  eventId: string
  at: string
  actor: Actor
  kind: 'personal_data_read'
  what: 'appeals'
  query: Record<string, string>
  residentCount: number
  appealIds: string[]
}

export type AppealAuditRecord = AppealDecidedRecord | AppealsReadRecord

export function appealDecidedRecord(input: {
  residentId: string
  appealId: string
  operatorAccountId: string
  status: 'approved' | 'rejected'
  rules: string[]
  now: Date
}): AppealDecidedRecord {
  return {
    residentId: input.residentId,
    eventId: newEventId(input.now),
    at: input.now.toISOString(),
    actor: { accountId: input.operatorAccountId, role: 'operator' },
    kind: 'operator_action',
    action:
      input.status === 'approved' ? 'appeal_approved' : 'appeal_rejected',
    target: input.appealId,
    before: { status: 'pending' },
    after: { status: input.status, rules: input.rules },
  }
}

export function appealsReadRecord(input: {
  operatorAccountId: string
  query: Record<string, string>
  residentIds: readonly string[]
  appealIds: string[]
  now: Date
}): AppealsReadRecord {
  return {
    residentId: subjectKey('operator', input.operatorAccountId),
    eventId: newEventId(input.now),
    at: input.now.toISOString(),
    actor: { accountId: input.operatorAccountId, role: 'operator' },
    kind: 'personal_data_read',
    what: 'appeals',
    query: input.query,
    residentCount: new Set(input.residentIds).size,
    appealIds: input.appealIds,
  }
}
