import { z } from 'zod'
import type { ProblemCode } from '../api/problems'
import { DocumentType } from '../api/schemas'
import { parseDocument, type DocumentField } from '../documents/parseDocument'
import { problemText } from '../i18n/problemText'
import { readCsvRecords, type CsvRecordProblem } from './readRecords'

// Travel records that operators import from CSV files, one row a stay at a
// place, with the header
//   document_type,document_number,country,place,time,source
// in any column order. `country` is the ISO 3166-1 alpha-3 code of the
// country that issued a passport: together with the type and number it
// identifies the traveller, as at registration. It stays empty for other
// documents. `time` is an ISO 8601 date-time with an offset or Z.

export const TRAVEL_RECORD_COLUMNS = [
  'document_type',
  'document_number',
  'country',
  'place',
  'time',
  'source',
] as const
export type TravelRecordColumn = (typeof TRAVEL_RECORD_COLUMNS)[number]

// Rows read from one file. A larger import has to be split, which bounds
// the memory and time one request can take.
// NOTE: 50,000 is a chosen bound, not one measured against a deadline.
export const MAX_TRAVEL_RECORD_ROWS = 50_000
const MAX_PLACE_LENGTH = 100
const MAX_SOURCE_LENGTH = 64

export type TravelRecord = {
  line: number
  documentType: DocumentType
  // As parseDocument normalises it.
  documentNumber: string
  country: string | null
  place: string
  at: Date
  source: string
}

export type TravelRecordErrorCode =
  | CsvRecordProblem
  | 'header_invalid'
  | 'column_count'
  | 'too_many_rows'
  | 'missing'
  | 'invalid'
  | 'too_long'
  | 'not_allowed'
  | 'unknown_place'
  | 'in_future'
  | ProblemCode

export type TravelRecordError = {
  line: number
  // A column name, `row` for the whole row or `header`.
  field: TravelRecordColumn | 'row' | 'header'
  code: TravelRecordErrorCode
  // English text for the operator.
  message: string
}

export type TravelRecordsResult = {
  records: TravelRecord[]
  errors: TravelRecordError[]
}

export type TravelRecordOptions = {
  // Upper bound for `time`. Later times are rejected.
  today: Date
  // Place names the city accepts. When given, any other place is rejected.
  knownPlaces?: readonly string[]
  maxRows?: number
}

const Instant = z.iso.datetime({ offset: true })

// Control characters, lone surrogates and the line and paragraph
// separators, which have no place in a one-line value.
const NOT_PRINTABLE = /[\p{Cc}\p{Cs}\u2028\u2029]/u

const RECORD_PROBLEM_MESSAGES: Readonly<Record<CsvRecordProblem, string>> = {
  quote_unterminated:
    'A quoted value is not closed. Close it with a double quote.',
  quote_misplaced:
    'A double quote is misplaced. Enclose the whole value in double ' +
    'quotes and double any quote inside it.',
}

type ColumnIndexes = Readonly<Record<TravelRecordColumn, number>>

type RowResult =
  | { kind: 'ok'; record: TravelRecord }
  | { kind: 'invalid'; errors: TravelRecordError[] }

// Parses a CSV file of travel records. Each bad row is reported with its
// line and the reason, and the good rows are kept. Reading stops with a
// too_many_rows error after `maxRows` rows.
export function parseTravelRecordsCsv(
  text: string,
  options: TravelRecordOptions,
): TravelRecordsResult {
  const maxRows = options.maxRows ?? MAX_TRAVEL_RECORD_ROWS
  const records: TravelRecord[] = []
  const errors: TravelRecordError[] = []
  let columns: ColumnIndexes | null = null
  let rows = 0
  for (const csvRecord of readCsvRecords(text)) {
    const line = csvRecord.line
    if (columns === null) {
      const header =
        csvRecord.kind === 'ok'
          ? columnIndexes(csvRecord.fields)
          : ({ kind: 'invalid', message: 'is malformed' } as const)
      if (header.kind === 'invalid') {
        return { records, errors: [headerError(line, header.message)] }
      }
      columns = header.columns
      continue
    }
    if (rows === maxRows) {
      errors.push(tooManyRows(line, maxRows))
      break
    }
    rows += 1
    if (csvRecord.kind === 'invalid') {
      const message = RECORD_PROBLEM_MESSAGES[csvRecord.problem]
      errors.push({ line, field: 'row', code: csvRecord.problem, message })
      continue
    }
    const row = parseRow(line, csvRecord.fields, columns, options)
    if (row.kind === 'ok') records.push(row.record)
    else errors.push(...row.errors)
  }
  if (columns === null) {
    return { records, errors: [headerError(1, 'is missing')] }
  }
  return { records, errors }
}

function headerError(line: number, problem: string): TravelRecordError {
  return {
    line,
    field: 'header',
    code: 'header_invalid',
    message:
      `The header ${problem}. The first line must name the columns ` +
      TRAVEL_RECORD_COLUMNS.join(','),
  }
}

function tooManyRows(line: number, maxRows: number): TravelRecordError {
  return {
    line,
    field: 'row',
    code: 'too_many_rows',
    message:
      `The file has more than ${maxRows} rows. Rows from this line on ` +
      'were not read. Split the file and import the rest separately.',
  }
}

type HeaderResult =
  | { kind: 'ok'; columns: ColumnIndexes }
  | { kind: 'invalid'; message: string }

// Maps each column to its position. Names are matched without case and
// surrounding spaces.
function columnIndexes(fields: readonly string[]): HeaderResult {
  const names = fields.map((field) => field.trim().toLowerCase())
  const unknown = names.filter(
    (name) => !(TRAVEL_RECORD_COLUMNS as readonly string[]).includes(name),
  )
  if (unknown.length > 0) {
    const message = `has unknown columns ${unknown.join(', ')}`
    return { kind: 'invalid', message }
  }
  if (new Set(names).size !== names.length) {
    return { kind: 'invalid', message: 'repeats a column' }
  }
  const missing = TRAVEL_RECORD_COLUMNS.filter((name) => !names.includes(name))
  if (missing.length > 0) {
    const message = `lacks the columns ${missing.join(', ')}`
    return { kind: 'invalid', message }
  }
  const columns = Object.fromEntries(
    TRAVEL_RECORD_COLUMNS.map((name) => [name, names.indexOf(name)]),
  ) as Record<TravelRecordColumn, number>
  return { kind: 'ok', columns }
}

function parseRow(
  line: number,
  fields: readonly string[],
  columns: ColumnIndexes,
  options: TravelRecordOptions,
): RowResult {
  if (fields.length !== TRAVEL_RECORD_COLUMNS.length) {
    const message =
      `Expected ${TRAVEL_RECORD_COLUMNS.length} values, found ` +
      `${fields.length}. Enclose values that contain commas in double quotes.`
    return {
      kind: 'invalid',
      errors: [{ line, field: 'row', code: 'column_count', message }],
    }
  }
  const cell = (column: TravelRecordColumn): string =>
    (fields[columns[column]] ?? '').trim()
  const errors: TravelRecordError[] = []
  const fail = (
    field: TravelRecordColumn,
    code: TravelRecordErrorCode,
    message: string,
  ): null => {
    errors.push({ line, field, code, message })
    return null
  }
  const document = parseDocumentCells(cell, fail, options.today)
  const place = parsePlace(cell('place'), fail, options.knownPlaces)
  const at = parseTime(cell('time'), fail, options.today)
  const source = parseLine('source', cell('source'), MAX_SOURCE_LENGTH, fail)
  if (document === null || place === null || at === null || source === null) {
    return { kind: 'invalid', errors }
  }
  return {
    kind: 'ok',
    record: { line, ...document, place, at, source },
  }
}

type Fail = (
  field: TravelRecordColumn,
  code: TravelRecordErrorCode,
  message: string,
) => null

type DocumentCells = {
  documentType: DocumentType
  documentNumber: string
  country: string | null
}

const FIELD_COLUMNS: Readonly<Record<DocumentField, TravelRecordColumn>> = {
  'document.type': 'document_type',
  'document.number': 'document_number',
  'document.country': 'country',
}

function parseDocumentCells(
  cell: (column: TravelRecordColumn) => string,
  fail: Fail,
  today: Date,
): DocumentCells | null {
  const typeCell = cell('document_type').toLowerCase()
  const type = DocumentType.safeParse(typeCell)
  if (!type.success) {
    if (typeCell === '') {
      return fail('document_type', 'missing', 'The document type is missing.')
    }
    const message =
      `The document type "${typeCell}" is invalid. Use one of ` +
      `${DocumentType.options.join(', ')}.`
    return fail('document_type', 'invalid', message)
  }
  const number = cell('document_number')
  const country = cell('country')
  if (number === '') {
    return fail('document_number', 'missing', 'The document number is missing.')
  }
  if (type.data !== 'passport' && country !== '') {
    return fail(
      'country',
      'not_allowed',
      'Only passports have an issuing country. Leave country empty.',
    )
  }
  const parsed = parseDocument(
    type.data === 'passport'
      ? { type: type.data, number, country }
      : { type: type.data, number },
    today,
  )
  if (parsed.kind === 'invalid') {
    const text = problemText(parsed.code, 'en')
    return fail(FIELD_COLUMNS[parsed.field], parsed.code, text.detail)
  }
  return {
    documentType: parsed.document.type,
    documentNumber: parsed.document.number,
    country: parsed.document.country,
  }
}

function parsePlace(
  place: string,
  fail: Fail,
  knownPlaces: readonly string[] | undefined,
): string | null {
  const checked = parseLine('place', place, MAX_PLACE_LENGTH, fail)
  if (checked === null || knownPlaces === undefined) return checked
  if (knownPlaces.includes(checked)) return checked
  return fail('place', 'unknown_place', 'The place is not one the city knows.')
}

function parseTime(time: string, fail: Fail, today: Date): Date | null {
  if (time === '') return fail('time', 'missing', 'The time is missing.')
  if (!Instant.safeParse(time).success) {
    return fail(
      'time',
      'invalid',
      'The time is invalid. Use ISO 8601 with an offset, such as ' +
        '2026-02-10T14:30:00+08:00.',
    )
  }
  const at = new Date(time)
  if (at.getTime() > today.getTime()) {
    return fail('time', 'in_future', 'The time is in the future.')
  }
  return at
}

// Checks a one-line text of 1 to `max` characters (code points).
function parseLine(
  field: TravelRecordColumn,
  value: string,
  max: number,
  fail: Fail,
): string | null {
  if (value === '') return fail(field, 'missing', `The ${field} is missing.`)
  if ([...value].length > max) {
    return fail(field, 'too_long', `The ${field} exceeds ${max} characters.`)
  }
  if (NOT_PRINTABLE.test(value)) {
    return fail(field, 'invalid', `The ${field} contains control characters.`)
  }
  return value
}
