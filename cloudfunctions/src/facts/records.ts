import {
  Color,
  RiskColor,
  type AppealOutcome,
  type CaseFact,
  type ExposureFact,
  type HouseholdFact,
  type Override,
} from '@healthcode/shared'
import { OverrideReasonCode } from '@healthcode/shared/api/operators'
import { z } from 'zod'

// Facts about a resident besides their declarations, as the resident item
// stores them (times as ISO strings) and as `evaluate` takes them (Dates).
//
// `id` is deterministic, built by the caller from what the fact is about
// (an exposure from case, contact and check-in), so appending the same
// fact twice stores it once. `ref` points at the record behind the fact: a
// case id, a risk window id, an override request, an appeal or a
// household. Callers must not put a person's name, document or resident
// id in it, so that a contact's facts do not reveal who the case is.

const Time = z.iso.datetime()
const CaseKind = z.enum(['confirmed', 'suspected'])

const StoredExposure = z.object({
  color: RiskColor,
  start: Time,
  end: Time,
  windowStart: Time,
  windowEnd: Time,
  venueName: z.string(),
  cause: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('case'), caseKind: CaseKind }),
    z.object({ kind: z.literal('venue') }),
  ]),
  foundAt: Time,
})

const StoredCase = z.object({
  caseKind: CaseKind,
  onset: Time,
  reportedAt: Time,
})

const StoredOverride = z.object({
  color: Color,
  setAt: Time,
  until: Time,
  reasonCode: OverrideReasonCode,
  evidenceRef: z.string(),
  operatorId: z.string(),
})

const StoredAppeal = z.object({
  clearsRules: z.array(z.string()),
  decidedAt: Time,
})

const StoredHousehold = z.object({ reportedAt: Time })

const base = { id: z.string().min(1), ref: z.string().min(1) }

export const StoredFact = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('exposure'), ...base, fact: StoredExposure }),
  z.object({ kind: z.literal('case'), ...base, fact: StoredCase }),
  z.object({ kind: z.literal('override'), ...base, fact: StoredOverride }),
  z.object({ kind: z.literal('appeal'), ...base, fact: StoredAppeal }),
  z.object({ kind: z.literal('household'), ...base, fact: StoredHousehold }),
])
export type StoredFact = z.infer<typeof StoredFact>

export type FactKind = StoredFact['kind']

// A fact as services append it and `evaluate` reads it.
export type FactRecord =
  | { kind: 'exposure'; id: string; ref: string; fact: ExposureFact }
  | { kind: 'case'; id: string; ref: string; fact: CaseFact }
  | { kind: 'override'; id: string; ref: string; fact: Override }
  | { kind: 'appeal'; id: string; ref: string; fact: AppealOutcome }
  | { kind: 'household'; id: string; ref: string; fact: HouseholdFact }

const iso = (date: Date): string => date.toISOString()
const date = (text: string): Date => new Date(text)

/** Converts a fact to the form the resident item stores. */
export function toStored(record: FactRecord): StoredFact {
  const { id, ref } = record
  switch (record.kind) {
    case 'exposure': {
      const fact = record.fact
      return {
        kind: 'exposure',
        id,
        ref,
        fact: {
          color: fact.color,
          start: iso(fact.start),
          end: iso(fact.end),
          windowStart: iso(fact.window.start),
          windowEnd: iso(fact.window.end),
          venueName: fact.venueName,
          cause: fact.cause,
          foundAt: iso(fact.foundAt),
        },
      }
    }
    case 'case': {
      const fact = record.fact
      return {
        kind: 'case',
        id,
        ref,
        fact: {
          caseKind: fact.kind,
          onset: iso(fact.onset),
          reportedAt: iso(fact.reportedAt),
        },
      }
    }
    case 'override': {
      const fact = record.fact
      return {
        kind: 'override',
        id,
        ref,
        fact: { ...fact, setAt: iso(fact.setAt), until: iso(fact.until) },
      }
    }
    case 'appeal':
      return {
        kind: 'appeal',
        id,
        ref,
        fact: {
          clearsRules: record.fact.clearsRules,
          decidedAt: iso(record.fact.decidedAt),
        },
      }
    case 'household':
      return {
        kind: 'household',
        id,
        ref,
        fact: { reportedAt: iso(record.fact.reportedAt) },
      }
  }
}

/** Converts a stored fact back to the form `evaluate` reads. */
export function fromStored(stored: StoredFact): FactRecord {
  const { id, ref } = stored
  switch (stored.kind) {
    case 'exposure': {
      const fact = stored.fact
      return {
        kind: 'exposure',
        id,
        ref,
        fact: {
          color: fact.color,
          start: date(fact.start),
          end: date(fact.end),
          window: { start: date(fact.windowStart), end: date(fact.windowEnd) },
          venueName: fact.venueName,
          cause: fact.cause,
          foundAt: date(fact.foundAt),
        },
      }
    }
    case 'case': {
      const fact = stored.fact
      return {
        kind: 'case',
        id,
        ref,
        fact: {
          kind: fact.caseKind,
          onset: date(fact.onset),
          reportedAt: date(fact.reportedAt),
        },
      }
    }
    case 'override': {
      const fact = stored.fact
      return {
        kind: 'override',
        id,
        ref,
        fact: { ...fact, setAt: date(fact.setAt), until: date(fact.until) },
      }
    }
    case 'appeal':
      return {
        kind: 'appeal',
        id,
        ref,
        fact: {
          clearsRules: stored.fact.clearsRules,
          decidedAt: date(stored.fact.decidedAt),
        },
      }
    case 'household':
      return {
        kind: 'household',
        id,
        ref,
        fact: { reportedAt: date(stored.fact.reportedAt) },
      }
  }
}

/** Returns when a fact was recorded, which overrides and appeals compare. */
export function recordedAtOf(record: FactRecord): Date {
  switch (record.kind) {
    case 'exposure':
      return record.fact.foundAt
    case 'case':
      return record.fact.reportedAt
    case 'override':
      return record.fact.setAt
    case 'appeal':
      return record.fact.decidedAt
    case 'household':
      return record.fact.reportedAt
  }
}
