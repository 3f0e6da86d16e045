import { createHash } from 'node:crypto'
import {
  identityKey,
  parseTravelRecordsCsv,
  riskPeriod,
  type CityRules,
  type LocalizedText,
  type RiskColor,
  type TravelRecord,
} from '@healthcode/shared'
import type {
  FlagView,
  ImportResponse,
} from '@healthcode/shared/api/operators'
import { newEventId, subjectKey, type Actor } from '../audit/records'
import { randomId } from '../auth/session'
import { mapLimited } from '../facts/batch'
import type { FactRecord } from '../facts/records'
import type { StoredDeclaration } from '../storage/residents'
import type { StoredFlag } from './repository'
import { maskedNameOf, type OperatorServiceDependencies } from './service'

// Imported travel records. A row about a registered resident's stay in a
// high-risk area of the city's questionnaire becomes an `exposure` fact
// with a `venue` cause. The area takes the place of the venue, and the
// time of the stay is the time of exposure. So the resident gets the
// color the questionnaire gives that area, counted from the day of the
// stay, under the rule `exposure.risk_venue`. An approved appeal of that
// rule clears it like any other exposure.

// The question whose options are the high-risk areas, in every city file.
const TRAVEL_QUESTION_ID = 'travel'
// The questionnaire covers the last 14 days, as its labels say.
// NOTE: the city rules do not state this period, so it is fixed here.
const QUESTIONNAIRE_LOOKBACK_DAYS = 14
const DAY_MS = 86_400_000
const APPEND_CONCURRENCY = 8

type Area = { color: RiskColor; label: LocalizedText }

/** Returns the high-risk areas: the risky options of the travel question. */
export function highRiskAreas(rules: CityRules): Map<string, Area> {
  const areas = new Map<string, Area>()
  const question = rules.questionnaire.questions.find(
    (candidate) => candidate.id === TRAVEL_QUESTION_ID,
  )
  if (question === undefined || question.kind === 'boolean') return areas
  for (const option of question.options) {
    if (option.risk !== undefined) {
      areas.set(option.value, { color: option.risk.color, label: option.label })
    }
  }
  return areas
}

type Accepted = { record: TravelRecord; area: Area; residentId: string }

/**
 * Imports travel records from CSV. Bad rows are reported by line and the
 * good ones are imported. Importing the same file again adds nothing,
 * because fact and flag ids are derived from resident, place and time.
 */
export async function importTravelRecords(
  deps: OperatorServiceDependencies,
  input: { operator: Actor; csv: string; now: Date },
): Promise<ImportResponse> {
  const { now, operator } = input
  const importId = randomId()
  const parsed = parseTravelRecordsCsv(input.csv, { today: now })
  const areas = highRiskAreas(deps.rules)
  const relevant = parsed.records.flatMap((record) => {
    const area = areas.get(record.place)
    if (area === undefined) return []
    const ended = riskPeriod(deps.rules, record.at, area.color).until
    return ended.getTime() > now.getTime() ? [{ record, area }] : []
  })
  const hashes = relevant.map(({ record }) => identityHashOf(deps, record))
  const residents = await deps.operators.residentIdsOf(hashes)
  const accepted: Accepted[] = relevant.flatMap((row, index) => {
    const residentId = residents.get(hashes[index] ?? '')
    return residentId === undefined ? [] : [{ ...row, residentId }]
  })

  const byResident = groupBy(accepted, (row) => row.residentId)
  const flagged = await mapLimited(
    [...byResident],
    APPEND_CONCURRENCY,
    ([residentId, rows]) =>
      importForResident(deps, { residentId, rows, importId, operator, now }),
  )
  const response: ImportResponse = {
    imported: accepted.length,
    flagged: flagged.reduce((sum, count) => sum + count, 0),
    skipped: parsed.records.length - accepted.length,
    errors: parsed.errors.map((error) => ({ ...error })),
  }
  await deps.audit.put({
    residentId: subjectKey('operator', operator.accountId),
    eventId: newEventId(now),
    kind: 'operator_action',
    at: now.toISOString(),
    actor: operator,
    action: 'travel_records_imported',
    target: importId,
    before: null,
    after: {
      rows: parsed.records.length + parsed.errors.length,
      imported: response.imported,
      flagged: response.flagged,
      skipped: response.skipped,
      errors: response.errors.length,
      residents: byResident.size,
    },
  })
  deps.logger.info('Travel records imported', {
    importId,
    imported: response.imported,
    flagged: response.flagged,
    errors: response.errors.length,
  })
  return response
}

function identityHashOf(
  deps: OperatorServiceDependencies,
  record: TravelRecord,
): string {
  return deps.pii.hash(
    'identity',
    identityKey({
      type: record.documentType,
      number: record.documentNumber,
      country: record.country,
      birthDate: null,
      upgradedFromLegacy: false,
    }),
  )
}

// Appends the resident's facts and flags each stay their questionnaire
// left out. Returns the number of flagged rows.
async function importForResident(
  deps: OperatorServiceDependencies,
  input: {
    residentId: string
    rows: Accepted[]
    importId: string
    operator: Actor
    now: Date
  },
): Promise<number> {
  const { residentId, rows, now } = input
  const loaded = await deps.facts.loadFacts(residentId)
  if (loaded === null) return 0
  const facts = rows.map((row) =>
    travelFact(residentId, row, input.importId, now),
  )
  await deps.facts.appendFacts(residentId, facts, input.operator, now)
  let flagged = 0
  for (const row of rows) {
    const declaration = contradicting(loaded.declarations, row.record)
    if (declaration === null) continue
    flagged += 1
    const flag: StoredFlag = {
      flagId: digestOf([
        'flag',
        residentId,
        row.record.place,
        iso(row.record.at),
      ]),
      status: 'open',
      residentId,
      kind: 'travel_not_declared',
      place: row.record.place,
      at: iso(row.record.at),
      declaredAt: declaration.answeredAt,
      createdAt: now.toISOString(),
      createdBy: input.operator.accountId,
    }
    await deps.operators.putFlag(flag)
  }
  return flagged
}

function travelFact(
  residentId: string,
  row: Accepted,
  importId: string,
  now: Date,
): FactRecord {
  const at = row.record.at
  return {
    kind: 'exposure',
    id: `travel:${digestOf([residentId, row.record.place, iso(at)])}`,
    ref: importId,
    fact: {
      color: row.area.color,
      start: at,
      end: at,
      window: { start: at, end: at },
      venueName: row.area.label.zh,
      cause: { kind: 'venue' },
      foundAt: now,
    },
  }
}

// Returns the latest declaration that covers the stay (answered after it,
// within the questionnaire's look-back) and does not list its place.
function contradicting(
  declarations: readonly StoredDeclaration[],
  record: TravelRecord,
): StoredDeclaration | null {
  const atMs = record.at.getTime()
  const covering = declarations.filter((declaration) => {
    const answeredMs = Date.parse(declaration.answeredAt)
    return (
      answeredMs >= atMs &&
      answeredMs - atMs <= QUESTIONNAIRE_LOOKBACK_DAYS * DAY_MS
    )
  })
  const denying = covering.filter((declaration) => {
    const answer = declaration.answers[TRAVEL_QUESTION_ID]
    const places = Array.isArray(answer) ? answer : [answer]
    return !places.includes(record.place)
  })
  return denying[denying.length - 1] ?? null
}

/** Lists open flags with masked names, audited as a personal data read. */
export async function listFlags(
  deps: OperatorServiceDependencies,
  input: { operator: Actor; now: Date },
): Promise<FlagView[]> {
  const flags = await deps.operators.listFlags()
  const views = await mapLimited(flags, APPEND_CONCURRENCY, async (flag) => ({
    id: flag.flagId,
    residentId: flag.residentId,
    maskedName: await maskedNameOf(deps.accounts, flag.residentId),
    kind: flag.kind,
    place: flag.place,
    at: flag.at,
    declaredAt: flag.declaredAt,
    createdAt: flag.createdAt,
  }))
  await deps.audit.put({
    residentId: subjectKey('operator', input.operator.accountId),
    eventId: newEventId(input.now),
    kind: 'personal_data_read',
    at: input.now.toISOString(),
    actor: input.operator,
    data: 'flags',
    query: {},
    residentCount: new Set(flags.map((flag) => flag.residentId)).size,
  })
  return views
}

function groupBy<T>(items: readonly T[], key: (item: T) => string) {
  const groups = new Map<string, T[]>()
  for (const item of items) {
    const group = groups.get(key(item)) ?? []
    group.push(item)
    groups.set(key(item), group)
  }
  return groups
}

function digestOf(parts: readonly string[]): string {
  return createHash('sha256')
    .update(parts.join('\u0000'))
    .digest('base64url')
    .slice(0, 22)
}

function iso(date: Date): string {
  return date.toISOString()
}
