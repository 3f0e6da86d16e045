import { createHash } from 'node:crypto'
import type {
  BulkOverrideRequest,
  OverrideRequest,
  OverrideRequestView,
  OverrideResponse,
} from '@healthcode/shared/api/operators'
import {
  newEventId,
  subjectKey,
  type Actor,
} from '../audit/records'
import { randomId } from '../auth/session'
import { mapLimited } from '../facts/batch'
import type { FactRecord } from '../facts/records'
import type { FieldError } from '../http/types'
import type { StoredOverrideRequest } from './repository'
import type { OperatorServiceDependencies } from './service'

// Residents updated at the same time while a bulk override is applied.
const APPLY_CONCURRENCY = 8

export type OverrideResult =
  | { kind: 'ok'; response: OverrideResponse }
  | { kind: 'invalid'; errors: FieldError[] }
  | { kind: 'not_found' }

export type BulkRequestResult =
  | { kind: 'created'; request: OverrideRequestView }
  | { kind: 'invalid'; errors: FieldError[] }

export type ApproveResult =
  | { kind: 'ok'; request: OverrideRequestView }
  | { kind: 'not_found' }
  | { kind: 'self_approval' }
  | { kind: 'decided' }

/**
 * Sets one resident's color until a time, as an override fact. The fact
 * id is derived from the request's content, so a retried request stores
 * one fact.
 */
export async function setOverride(
  deps: OperatorServiceDependencies,
  input: { operator: Actor; request: OverrideRequest; now: Date },
): Promise<OverrideResult> {
  const { request, now, operator } = input
  if (Date.parse(request.until) <= now.getTime()) {
    return { kind: 'invalid', errors: [{ field: 'until', code: 'too_small' }] }
  }
  const digest = hashOf([
    request.residentId,
    request.color,
    new Date(request.until).toISOString(),
    request.reasonCode,
    request.evidenceRef,
  ])
  const fact = overrideFact(`override:${digest}`, digest, {
    ...request,
    operatorId: operator.accountId,
    now,
  })
  const appended = await deps.facts.appendFact(
    request.residentId,
    fact,
    operator,
    now,
  )
  if (appended.kind === 'not_found') return { kind: 'not_found' }
  const before =
    appended.kind === 'appended' ? appended.before : appended.rating
  const after = appended.kind === 'appended' ? appended.after : appended.rating
  await deps.audit.put({
    residentId: request.residentId,
    eventId: newEventId(now),
    kind: 'operator_action',
    at: now.toISOString(),
    actor: operator,
    action: 'override_set',
    target: fact.id,
    before: { color: before?.color ?? null },
    after: {
      color: after?.color ?? null,
      override: request.color,
      until: request.until,
      reasonCode: request.reasonCode,
      evidenceRef: request.evidenceRef,
    },
  })
  return {
    kind: 'ok',
    response: {
      residentId: request.residentId,
      before: before?.color ?? null,
      after: after?.color ?? null,
    },
  }
}

/**
 * Records a bulk override for a second operator to approve. Nothing
 * changes for the residents until then.
 */
export async function requestBulkOverride(
  deps: OperatorServiceDependencies,
  input: { operator: Actor; request: BulkOverrideRequest; now: Date },
): Promise<BulkRequestResult> {
  const { request, now, operator } = input
  if (Date.parse(request.until) <= now.getTime()) {
    return { kind: 'invalid', errors: [{ field: 'until', code: 'too_small' }] }
  }
  const stored: StoredOverrideRequest = {
    requestId: randomId(),
    status: 'pending',
    color: request.color,
    until: new Date(request.until).toISOString(),
    reasonCode: request.reasonCode,
    evidenceRef: request.evidenceRef,
    residentIds: [...new Set(request.residentIds)].sort(),
    requestedBy: operator.accountId,
    requestedAt: now.toISOString(),
  }
  await deps.operators.putRequest(stored)
  await deps.audit.put({
    residentId: subjectKey('operator', operator.accountId),
    eventId: newEventId(now),
    kind: 'operator_action',
    at: now.toISOString(),
    actor: operator,
    action: 'override_requested',
    target: stored.requestId,
    before: null,
    after: requestSummary(stored),
  })
  return { kind: 'created', request: viewOf(stored) }
}

/**
 * Approves another operator's bulk override and applies it to every
 * resident. Each resident's fact id is derived from the request, so
 * approving an interrupted request again finishes it without doubling
 * any fact.
 */
export async function approveBulkOverride(
  deps: OperatorServiceDependencies,
  input: { operator: Actor; requestId: string; now: Date },
): Promise<ApproveResult> {
  const { operator, now } = input
  const approved = await deps.operators.approve(
    input.requestId,
    operator.accountId,
    now,
  )
  if (approved.kind !== 'approved') return approved
  const request = approved.request
  const results = await mapLimited(
    request.residentIds,
    APPLY_CONCURRENCY,
    (residentId) =>
      deps.facts.appendFact(
        residentId,
        overrideFact(
          `override:${request.requestId}:${residentId}`,
          request.requestId,
          {
            color: request.color,
            until: request.until,
            reasonCode: request.reasonCode,
            evidenceRef: request.evidenceRef,
            operatorId: request.requestedBy,
            now: new Date(request.approvedAt ?? now.toISOString()),
          },
        ),
        operator,
        now,
      ),
  )
  const result = {
    changed: results.filter(
      (outcome) => outcome.kind === 'appended' && outcome.audit !== null,
    ).length,
    notFound: results.filter((outcome) => outcome.kind === 'not_found').length,
    unchanged: 0,
  }
  result.unchanged = results.length - result.changed - result.notFound
  const applied = await deps.operators.markApplied(request.requestId, result)
  await deps.audit.put({
    residentId: subjectKey('operator', operator.accountId),
    eventId: newEventId(now),
    kind: 'operator_action',
    at: now.toISOString(),
    actor: operator,
    action: 'override_approved',
    target: request.requestId,
    before: { status: 'pending', requestedBy: request.requestedBy },
    after: { status: 'applied', ...result },
  })
  deps.logger.info('Bulk override applied', {
    requestId: request.requestId,
    ...result,
  })
  return { kind: 'ok', request: viewOf(applied) }
}

/** Lists pending bulk overrides, audited as a read of resident ids. */
export async function listPendingRequests(
  deps: OperatorServiceDependencies,
  input: { operator: Actor; now: Date },
): Promise<OverrideRequestView[]> {
  const pending = await deps.operators.listPending()
  await deps.audit.put({
    residentId: subjectKey('operator', input.operator.accountId),
    eventId: newEventId(input.now),
    kind: 'personal_data_read',
    at: input.now.toISOString(),
    actor: input.operator,
    data: 'override_requests',
    query: {},
    residentCount: new Set(pending.flatMap((request) => request.residentIds))
      .size,
  })
  return pending.map(viewOf)
}

// The override's `setAt` is when it was decided: the request for a
// single override, the approval for a bulk one.
function overrideFact(
  id: string,
  ref: string,
  input: {
    color: OverrideRequest['color']
    until: string
    reasonCode: OverrideRequest['reasonCode']
    evidenceRef: string
    operatorId: string
    now: Date
  },
): FactRecord {
  return {
    kind: 'override',
    id,
    ref,
    fact: {
      color: input.color,
      setAt: input.now,
      until: new Date(input.until),
      reasonCode: input.reasonCode,
      evidenceRef: input.evidenceRef,
      operatorId: input.operatorId,
    },
  }
}

function hashOf(parts: readonly string[]): string {
  return createHash('sha256')
    .update(parts.join('\u0000'))
    .digest('base64url')
    .slice(0, 22)
}

function requestSummary(
  request: StoredOverrideRequest,
): Record<string, unknown> {
  return {
    status: request.status,
    color: request.color,
    until: request.until,
    reasonCode: request.reasonCode,
    evidenceRef: request.evidenceRef,
    residentCount: request.residentIds.length,
  }
}

function viewOf(request: StoredOverrideRequest): OverrideRequestView {
  return {
    id: request.requestId,
    status: request.status,
    color: request.color,
    until: request.until,
    reasonCode: request.reasonCode,
    evidenceRef: request.evidenceRef,
    residentIds: request.residentIds,
    requestedBy: request.requestedBy,
    requestedAt: request.requestedAt,
    approvedBy: request.approvedBy,
    approvedAt: request.approvedAt,
    result: request.result,
  }
}
