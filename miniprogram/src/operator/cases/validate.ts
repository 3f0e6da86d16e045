import type { LocalInvalid } from '../../api/failure'
import { parseDocument, type DocumentType } from '../../contract'
import { parseCityDate } from '../../time/cityInput'
import { cityWallTime } from '../../time/cityTime'
import type { CaseRequest } from '../contract'

export type CaseKind = CaseRequest['kind']

export type CaseForm = {
  documentType: DocumentType
  number: string
  country: string
  kind: CaseKind | null
  onset: string
  // Empty when there is none.
  sampleDate: string
  note: string
}

type FieldIssue = { field: string; code: string }

export type ValidatedCase = { kind: 'ok'; request: CaseRequest }

const MAX_NOTE_LENGTH = 500

const pad = (value: number) => String(value).padStart(2, '0')

// Returns today's date in the city, `YYYY-MM-DD`.
export function cityToday(now: Date): string {
  const wall = cityWallTime(now)
  return `${wall.year}-${pad(wall.month)}-${pad(wall.day)}`
}

// Reads a date that must not lie after `today`, appending any problem to
// `fields`.
function pastDate(
  field: string,
  text: string,
  today: string,
  fields: FieldIssue[],
): string | null {
  const parsed = parseCityDate(text)
  if (parsed.kind === 'invalid') {
    fields.push({ field, code: parsed.code })
    return null
  }
  if (parsed.date > today) {
    fields.push({ field, code: 'date_in_future' })
    return null
  }
  return parsed.date
}

// Checks a case report: the document with the shared rules, a kind, an
// onset date and an optional sample date, neither after today in the city.
export function validateCase(
  form: CaseForm,
  now: Date,
): ValidatedCase | LocalInvalid {
  const fields: FieldIssue[] = []

  const isPassport = form.documentType === 'passport'
  const document = {
    type: form.documentType,
    number: form.number.trim(),
    ...(isPassport ? { country: form.country.trim() } : {}),
  }
  const parsedDocument = parseDocument(document, now)
  if (parsedDocument.kind === 'invalid') {
    fields.push({ field: parsedDocument.field, code: parsedDocument.code })
  }
  if (form.kind === null) fields.push({ field: 'kind', code: 'none_selected' })

  const today = cityToday(now)
  const onset = pastDate('onset', form.onset, today, fields)
  const sampleDate =
    form.sampleDate.trim() === ''
      ? undefined
      : pastDate('sampleDate', form.sampleDate, today, fields)

  const note = form.note.trim()
  if ([...note].length > MAX_NOTE_LENGTH) {
    fields.push({ field: 'note', code: 'too_long' })
  }

  if (fields.length > 0 || form.kind === null || onset === null) {
    return { kind: 'invalid', fields }
  }
  return {
    kind: 'ok',
    request: {
      document,
      kind: form.kind,
      onset,
      ...(typeof sampleDate === 'string' ? { sampleDate } : {}),
      ...(note === '' ? {} : { note }),
    },
  }
}
