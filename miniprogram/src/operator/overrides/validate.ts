import type { LocalInvalid } from '../../api/failure'
import type { Color } from '../../contract'
import { parseCityDateTime } from '../../time/cityInput'
import {
  MAX_BULK_OVERRIDE_RESIDENTS,
  type BulkOverrideRequest,
  type OverrideReasonCode,
  type OverrideRequest,
} from '../contract'

type FieldIssue = { field: string; code: string }

// Fields that single and bulk overrides share, as typed.
export type OverrideTerms = {
  // Wall-clock time in Asia/Shanghai.
  until: string
  reasonCode: OverrideReasonCode | null
  evidenceRef: string
}

export type OverrideForm = OverrideTerms & {
  residentId: string
  color: Color | null
}

export type BulkOverrideForm = OverrideTerms & {
  // Resident ids separated by lines, spaces or commas.
  residentIds: string
  color: BulkOverrideRequest['color'] | null
}

const MAX_ID_LENGTH = 64
const MAX_EVIDENCE_LENGTH = 128

type CheckedTerms = {
  until: string
  reasonCode: OverrideReasonCode
  evidenceRef: string
}

function checkTerms(
  form: OverrideTerms,
  now: Date,
  fields: FieldIssue[],
): CheckedTerms | null {
  const until = parseCityDateTime(form.until)
  if (until.kind === 'invalid') {
    fields.push({ field: 'until', code: until.code })
  } else if (Date.parse(until.instant) <= now.getTime()) {
    fields.push({ field: 'until', code: 'not_in_future' })
  }
  if (form.reasonCode === null) {
    fields.push({ field: 'reasonCode', code: 'none_selected' })
  }
  const evidenceRef = form.evidenceRef.trim()
  if (evidenceRef === '') {
    fields.push({ field: 'evidenceRef', code: 'required' })
  } else if (evidenceRef.length > MAX_EVIDENCE_LENGTH) {
    fields.push({ field: 'evidenceRef', code: 'too_long' })
  }
  if (until.kind === 'invalid' || form.reasonCode === null) return null
  return { until: until.instant, reasonCode: form.reasonCode, evidenceRef }
}

// Splits the typed ids at lines, spaces, commas and semicolons, dropping
// repeats.
export function parseResidentIds(text: string): string[] {
  const ids = text.split(/[\s,;，；]+/).filter((id) => id !== '')
  return [...new Set(ids)]
}

// Checks a single override: a resident id, a color, an end in the future,
// a reason and an evidence reference.
export function validateOverride(
  form: OverrideForm,
  now: Date,
): { kind: 'ok'; request: OverrideRequest } | LocalInvalid {
  const fields: FieldIssue[] = []
  const residentId = form.residentId.trim()
  if (residentId === '') {
    fields.push({ field: 'residentId', code: 'required' })
  } else if (residentId.length > MAX_ID_LENGTH) {
    fields.push({ field: 'residentId', code: 'too_long' })
  }
  if (form.color === null) {
    fields.push({ field: 'color', code: 'none_selected' })
  }
  const terms = checkTerms(form, now, fields)
  if (fields.length > 0 || terms === null || form.color === null) {
    return { kind: 'invalid', fields }
  }
  return { kind: 'ok', request: { residentId, color: form.color, ...terms } }
}

// Checks a bulk override request: 1 to MAX_BULK_OVERRIDE_RESIDENTS ids, a
// yellow or red color and the same terms as a single override.
export function validateBulkOverride(
  form: BulkOverrideForm,
  now: Date,
): { kind: 'ok'; request: BulkOverrideRequest } | LocalInvalid {
  const fields: FieldIssue[] = []
  const residentIds = parseResidentIds(form.residentIds)
  if (residentIds.length === 0) {
    fields.push({ field: 'residentIds', code: 'required' })
  } else if (residentIds.length > MAX_BULK_OVERRIDE_RESIDENTS) {
    fields.push({ field: 'residentIds', code: 'too_many_ids' })
  } else if (residentIds.some((id) => id.length > MAX_ID_LENGTH)) {
    fields.push({ field: 'residentIds', code: 'ids_invalid' })
  }
  if (form.color === null) {
    fields.push({ field: 'color', code: 'none_selected' })
  }
  const terms = checkTerms(form, now, fields)
  if (fields.length > 0 || terms === null || form.color === null) {
    return { kind: 'invalid', fields }
  }
  return {
    kind: 'ok',
    request: { residentIds, color: form.color, ...terms },
  }
}
