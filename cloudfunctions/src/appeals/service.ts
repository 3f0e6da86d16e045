import type {
  AppealDecisionRequest,
  AppealList,
  AppealRequest,
  AppealStatus,
  AppealView,
  CityRules,
  Language,
  OperatorAppealList,
  OperatorAppealView,
  Rating,
} from '@healthcode/shared'
import { randomId } from '../auth/session'
import type { FactStore } from '../facts/service'
import type { HouseholdRepository } from '../households/repository'
import type { AppLogger } from '../http/handler'
import type { FieldError } from '../http/types'
import { rateAt } from '../rating/service'
import type { AccountStore } from '../storage/accounts'
import type { PiiProtector } from '../storage/pii'
import {
  findSignedInResident,
  getResident,
  type Resident,
} from '../storage/residents'
import { appealDecidedRecord, appealsReadRecord } from './audit'
import {
  PageKey,
  type AppealRepository,
  type StoredAppeal,
  type StoredDecision,
} from './repository'
import { invalidRulesError } from './texts'

// Appeals listed per page for operators.
const PAGE_SIZE = 50

export type AppealDependencies = {
  rules: CityRules
  appeals: AppealRepository
  households: Pick<
    HouseholdRepository,
    'getDependentLink' | 'listDependentLinks'
  >
  accounts: AccountStore
  facts: Pick<FactStore, 'appendFact'>
  pii: PiiProtector
  logger: AppLogger
}

export type FileResult =
  | { kind: 'filed'; appeal: AppealView }
  | { kind: 'invalid'; errors: FieldError[] }
  | { kind: 'nothing_to_appeal' }
  | { kind: 'pending_exists' }
  | { kind: 'not_found' }
  | { kind: 'not_registered' }
  | { kind: 'unknown_account' }

export type ListResult =
  | { kind: 'ok'; list: AppealList }
  | { kind: 'not_registered' }
  | { kind: 'unknown_account' }

export type OperatorListResult =
  | { kind: 'ok'; list: OperatorAppealList }
  | { kind: 'invalid'; errors: FieldError[] }

export type DecideResult =
  | { kind: 'decided'; appeal: OperatorAppealView }
  | { kind: 'invalid'; errors: FieldError[] }
  | { kind: 'already_decided' }
  | { kind: 'not_found' }

/**
 * Files an appeal of the caller, or of a dependent named by `residentId`,
 * against the reasons of the current color. The appeal keeps a snapshot
 * of the color and reasons, and a resident has one pending appeal at most.
 */
export async function fileAppeal(
  deps: AppealDependencies,
  input: {
    accountId: string
    request: AppealRequest
    language: Language
    now: Date
  },
): Promise<FileResult> {
  const { request, now } = input
  const found = await findSignedInResident(deps.accounts, input.accountId)
  if (found.kind !== 'ok') return { kind: found.kind }
  const subject = await appellantOf(deps, found.resident, request.residentId)
  if (subject === null) return { kind: 'not_found' }

  const rating = rateAt(deps.rules, subject, now)
  if (rating === null || rating.reasons.length === 0) {
    return { kind: 'nothing_to_appeal' }
  }
  const current = [...new Set(rating.reasons.map((reason) => reason.rule))]
  const rules = request.rules ?? current
  const unknown = rules.filter((rule) => !current.includes(rule))
  if (unknown.length > 0) {
    return {
      kind: 'invalid',
      errors: [invalidRulesError('rule_not_current', unknown, input.language)],
    }
  }

  const appealId = randomId()
  const appeal: StoredAppeal = {
    appealId,
    residentId: subject.residentId,
    filedByAccountId: input.accountId,
    filedAt: now.toISOString(),
    status: 'pending',
    messageCiphertext: deps.pii.encrypt(
      request.message,
      messageContext(appealId),
    ),
    rules,
    snapshot: snapshotOf(rating),
  }
  const filed = await deps.appeals.file(appeal)
  if (filed === 'pending_exists') return { kind: 'pending_exists' }
  deps.logger.info('Appeal filed', {
    appealId,
    residentId: subject.residentId,
    accountId: input.accountId,
  })
  return { kind: 'filed', appeal: appealView(deps, appeal, input.language) }
}

// The caller, or the dependent `residentId` when the caller is one of its
// guardians. Null for anyone else, so strangers cannot tell a resident id
// exists.
async function appellantOf(
  deps: AppealDependencies,
  caller: Resident,
  residentId: string | undefined,
): Promise<Resident | null> {
  if (residentId === undefined || residentId === caller.residentId) {
    return caller
  }
  const link = await deps.households.getDependentLink(
    caller.residentId,
    residentId,
  )
  if (link === null) return null
  const dependent = await getResident(
    deps.accounts.db,
    deps.accounts.tables.residents,
    residentId,
  )
  if (dependent === null) {
    throw new Error(`Dependent ${residentId} of a guardian link is missing`)
  }
  return dependent
}

/** Lists the appeals of the caller and of the caller's dependents. */
export async function listOwnAppeals(
  deps: AppealDependencies,
  input: { accountId: string; language: Language },
): Promise<ListResult> {
  const found = await findSignedInResident(deps.accounts, input.accountId)
  if (found.kind !== 'ok') return { kind: found.kind }
  const caller = found.resident.residentId
  const links = await deps.households.listDependentLinks(caller)
  const residentIds = [caller, ...links.map((link) => link.dependentId)]
  const lists = await Promise.all(
    residentIds.map((residentId) => deps.appeals.listByResident(residentId)),
  )
  const items = lists
    .flat()
    .sort(newestFirst)
    .map((appeal) => appealView(deps, appeal, input.language))
  return { kind: 'ok', list: { items } }
}

function newestFirst(a: StoredAppeal, b: StoredAppeal): number {
  if (a.filedAt !== b.filedAt) return a.filedAt < b.filedAt ? 1 : -1
  return a.appealId < b.appealId ? -1 : 1
}

/**
 * Lists appeals of one status for an operator, oldest first, with masked
 * names. Each page read is audited under the operator.
 */
export async function listAppeals(
  deps: AppealDependencies,
  input: {
    accountId: string
    status: AppealStatus
    cursor: string | undefined
    language: Language
    now: Date
  },
): Promise<OperatorListResult> {
  const after = input.cursor === undefined ? null : decodeCursor(input.cursor)
  const otherStatus = after !== null && after?.status !== input.status
  if (after === undefined || otherStatus) {
    return {
      kind: 'invalid',
      errors: [{ field: 'cursor', code: 'invalid_value' }],
    }
  }
  const page = await deps.appeals.listByStatus(input.status, after, PAGE_SIZE)
  const items = await Promise.all(
    page.items.map((appeal) => operatorView(deps, appeal, input.language)),
  )
  const query: Record<string, string> = { status: input.status }
  if (input.cursor !== undefined) query.cursor = input.cursor
  await deps.appeals.putAudit(
    appealsReadRecord({
      operatorAccountId: input.accountId,
      query,
      residentIds: page.items.map((appeal) => appeal.residentId),
      appealIds: page.items.map((appeal) => appeal.appealId),
      now: input.now,
    }),
  )
  return {
    kind: 'ok',
    list: {
      items,
      nextCursor: page.next === null ? null : encodeCursor(page.next),
    },
  }
}

/**
 * Stores an operator's decision on a pending appeal. An approval then
 * appends an `appeal` fact, which clears the approved rules' reasons and
 * recomputes the color. A rejection stores the reason the resident reads.
 */
export async function decideAppeal(
  deps: AppealDependencies,
  input: {
    accountId: string
    appealId: string
    request: AppealDecisionRequest
    language: Language
    now: Date
  },
): Promise<DecideResult> {
  const { request, now } = input
  const appeal = await deps.appeals.get(input.appealId)
  if (appeal === null) return { kind: 'not_found' }
  if (appeal.status !== 'pending') {
    await appendMissingFact(deps, appeal, now)
    return { kind: 'already_decided' }
  }

  const approve = request.decision === 'approve'
  const rules = approve ? (request.rules ?? appeal.rules) : []
  const unknown = rules.filter((rule) => !appeal.rules.includes(rule))
  if (unknown.length > 0) {
    return {
      kind: 'invalid',
      errors: [invalidRulesError('rule_not_appealed', unknown, input.language)],
    }
  }

  const status = approve ? 'approved' : 'rejected'
  const decision: StoredDecision = {
    decision: request.decision,
    reason: request.reason,
    rules,
    decidedAt: now.toISOString(),
    operatorAccountId: input.accountId,
  }
  const audit = appealDecidedRecord({
    residentId: appeal.residentId,
    appealId: appeal.appealId,
    operatorAccountId: input.accountId,
    status,
    rules,
    now,
  })
  const decided = await deps.appeals.decide({ appeal, status, decision, audit })
  if (decided === 'already_decided') return { kind: 'already_decided' }
  deps.logger.info('Appeal decided', {
    appealId: appeal.appealId,
    residentId: appeal.residentId,
    accountId: input.accountId,
    status,
  })

  const stored: StoredAppeal = { ...appeal, status, decision }
  await appendMissingFact(deps, stored, now)
  return {
    kind: 'decided',
    appeal: await operatorView(deps, stored, input.language),
  }
}

// Appends the fact of an approved appeal unless it was appended before.
// The decision is stored first, so a failure in between leaves an approval
// without its fact, and deciding the appeal again appends it. The fact id
// is the appeal's, so a repeated append stores nothing twice.
async function appendMissingFact(
  deps: AppealDependencies,
  appeal: StoredAppeal,
  now: Date,
): Promise<void> {
  const decision = appeal.decision
  if (decision === undefined || decision.decision !== 'approve') return
  if (decision.factAppendedAt !== undefined) return
  const appended = await deps.facts.appendFact(
    appeal.residentId,
    {
      kind: 'appeal',
      id: `appeal.${appeal.appealId}`,
      ref: `appeal#${appeal.appealId}`,
      fact: {
        clearsRules: decision.rules,
        decidedAt: new Date(decision.decidedAt),
      },
    },
    { accountId: decision.operatorAccountId, role: 'operator' },
    now,
  )
  if (appended.kind === 'not_found') {
    throw new Error(`Resident ${appeal.residentId} of an appeal is missing`)
  }
  await deps.appeals.markFactAppended(appeal.appealId, now)
}

function messageContext(appealId: string): string {
  return `appeal-message:${appealId}`
}

function snapshotOf(rating: Rating): StoredAppeal['snapshot'] {
  return {
    color: rating.color,
    until: rating.until === null ? null : rating.until.toISOString(),
    reasons: rating.reasons.map((reason) => ({
      rule: reason.rule,
      color: reason.color,
      since: reason.since.toISOString(),
      until: reason.until.toISOString(),
      text: reason.text,
    })),
  }
}

function appealView(
  deps: Pick<AppealDependencies, 'pii'>,
  appeal: StoredAppeal,
  language: Language,
): AppealView {
  const decision = appeal.decision
  return {
    id: appeal.appealId,
    residentId: appeal.residentId,
    filedAt: appeal.filedAt,
    status: appeal.status,
    message: deps.pii.decrypt(
      appeal.messageCiphertext,
      messageContext(appeal.appealId),
    ),
    rules: appeal.rules,
    snapshot: {
      color: appeal.snapshot.color,
      until: appeal.snapshot.until,
      reasons: appeal.snapshot.reasons.map((reason) => ({
        rule: reason.rule,
        color: reason.color,
        since: reason.since,
        until: reason.until,
        text: reason.text[language],
      })),
    },
    decision:
      decision === undefined
        ? null
        : {
            decision: decision.decision,
            reason: decision.reason,
            rules: decision.rules,
            decidedAt: decision.decidedAt,
          },
  }
}

async function operatorView(
  deps: AppealDependencies,
  appeal: StoredAppeal,
  language: Language,
): Promise<OperatorAppealView> {
  const resident = await getResident(
    deps.accounts.db,
    deps.accounts.tables.residents,
    appeal.residentId,
  )
  if (resident === null) {
    throw new Error(`Resident ${appeal.residentId} of an appeal is missing`)
  }
  return {
    ...appealView(deps, appeal, language),
    maskedName: resident.maskedName,
  }
}

function encodeCursor(key: PageKey): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url')
}

// Returns the page key of a cursor, or undefined for a cursor this API
// did not issue.
function decodeCursor(cursor: string): PageKey | undefined {
  try {
    const json: unknown = JSON.parse(
      Buffer.from(cursor, 'base64url').toString('utf8'),
    )
    const parsed = PageKey.safeParse(json)
    return parsed.success ? parsed.data : undefined
  } catch {
    return undefined
  }
}
