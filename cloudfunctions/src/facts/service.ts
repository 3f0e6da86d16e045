import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb'
import type { CityRules, Facts, Rating } from '@healthcode/shared'
import {
  newEventId,
  type Actor,
  type RatingChangedRecord,
} from '../audit/records'
import type { AppLogger } from '../http/handler'
import type { TableNames } from '../storage/dynamo'
import type { StoredDeclaration } from '../storage/residents'
import { factsOf, ratingOf, retainedFacts } from './rating'
import { toStored, type FactRecord } from './records'
import { createFactRepository, type FactRepository } from './repository'

// The one place that reads a resident's facts, appends facts and records
// the color changes they cause. Every writer of exposures, cases,
// overrides, appeals and household cases goes through `appendFact`.

// Read-and-write attempts before an append gives up on concurrent changes
// of the same resident. Each conflict means another write landed, so the
// attempts bound the writers racing on one resident, not the load.
const MAX_ATTEMPTS = 10
const RETRY_DELAY_MS = 20

export type LoadedFacts = {
  // The input of `evaluate`: declarations and every other fact.
  facts: Facts
  declarations: StoredDeclaration[]
  records: FactRecord[]
  version: number
}

export type AppendResult =
  | {
      kind: 'appended'
      // Ids of the facts this call stored. Facts stored before are left
      // out, so a retried append reports none of them.
      added: string[]
      // null while the resident is unrated (see `ratingOf`).
      before: Rating | null
      after: Rating | null
      // The audit record of the color change, or null when the color
      // stayed the same.
      audit: RatingChangedRecord | null
    }
  // Every fact was stored before, so nothing changed.
  | { kind: 'duplicate'; rating: Rating | null }
  | { kind: 'not_found' }

export type FactStore = {
  loadFacts(residentId: string): Promise<LoadedFacts | null>
  appendFact(
    residentId: string,
    fact: FactRecord,
    actor: Actor,
    now: Date,
  ): Promise<AppendResult>
  // Appends several facts of one resident in one write.
  appendFacts(
    residentId: string,
    facts: readonly FactRecord[],
    actor: Actor,
    now: Date,
  ): Promise<AppendResult>
}

export type FactStoreDependencies = {
  rules: CityRules
  facts: FactRepository
  logger: AppLogger
}

/** Creates the fact store of a runtime's tables. */
export function factStoreOf(runtime: {
  rules: CityRules
  db: DynamoDBDocumentClient
  tables: TableNames
  logger: AppLogger
}): FactStore {
  return createFactStore({
    rules: runtime.rules,
    facts: createFactRepository(runtime.db, runtime.tables),
    logger: runtime.logger,
  })
}

export function createFactStore(deps: FactStoreDependencies): FactStore {
  const appendFacts: FactStore['appendFacts'] = (
    residentId,
    facts,
    actor,
    now,
  ) => append(deps, { residentId, facts, actor, now })
  return {
    async loadFacts(residentId) {
      const stored = await deps.facts.read(residentId)
      if (stored === null) return null
      return {
        facts: factsOf(stored.declarations, stored.records),
        declarations: stored.declarations,
        records: stored.records,
        version: stored.version,
      }
    },
    appendFacts,
    appendFact: (residentId, fact, actor, now) =>
      appendFacts(residentId, [fact], actor, now),
  }
}

async function append(
  deps: FactStoreDependencies,
  input: {
    residentId: string
    facts: readonly FactRecord[]
    actor: Actor
    now: Date
  },
): Promise<AppendResult> {
  const { rules } = deps
  const { now } = input
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    const stored = await deps.facts.read(input.residentId)
    if (stored === null) return { kind: 'not_found' }
    const { declarations, records } = stored
    const before = ratingOf(rules, declarations, records, now)
    const known = new Set(records.map((record) => record.id))
    const added = uniqueById(input.facts).filter(
      (fact) => !known.has(fact.id),
    )
    if (added.length === 0) return { kind: 'duplicate', rating: before }

    const next = retainedFacts(rules, declarations, [...records, ...added], now)
    const after = ratingOf(rules, declarations, next, now)
    const audit =
      before?.color === after?.color
        ? null
        : ratingChange({ ...input, rules, added, before, after })
    const saved = await deps.facts.save({
      residentId: input.residentId,
      facts: next.map(toStored),
      expectedVersion: stored.version,
      audit,
    })
    if (saved === 'saved') {
      if (audit !== null) {
        deps.logger.info('Rating changed', {
          residentId: input.residentId,
          eventId: audit.eventId,
          source: audit.source,
        })
      }
      return {
        kind: 'appended',
        added: added.map((fact) => fact.id),
        before,
        after,
        audit,
      }
    }
    await delay(RETRY_DELAY_MS * attempt * (0.5 + Math.random()))
  }
  throw new Error(
    `Facts of resident ${input.residentId} not saved after ` +
      `${MAX_ATTEMPTS} concurrent changes`,
  )
}

function uniqueById(facts: readonly FactRecord[]): FactRecord[] {
  const seen = new Set<string>()
  return facts.filter((fact) => {
    if (seen.has(fact.id)) return false
    seen.add(fact.id)
    return true
  })
}

function ratingChange(input: {
  rules: CityRules
  residentId: string
  actor: Actor
  now: Date
  added: FactRecord[]
  before: Rating | null
  after: Rating | null
}): RatingChangedRecord {
  const first = input.added[0]
  if (first === undefined) throw new Error('A color changed without a fact')
  const reasons = input.after?.reasons ?? []
  return {
    residentId: input.residentId,
    eventId: newEventId(input.now),
    kind: 'rating_changed',
    at: input.now.toISOString(),
    actor: input.actor,
    source: first.kind,
    factIds: input.added.map((fact) => fact.id),
    before: input.before?.color ?? null,
    after: input.after?.color ?? null,
    rules: [...new Set(reasons.map((reason) => reason.rule))],
    rulesVersion: input.rules.version,
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}
