import type { LocalInvalid } from '../../api/failure'
import { parseCityDateTime } from '../../time/cityInput'
import type { RiskyVenueRequest } from '../contract'

export type RiskLevel = RiskyVenueRequest['level']

export type RiskVenueForm = {
  venueId: string
  // Wall-clock times in Asia/Shanghai as typed.
  start: string
  end: string
  level: RiskLevel | null
  note: string
}

export type ValidatedRiskVenue = { kind: 'ok'; request: RiskyVenueRequest }

const MAX_VENUE_ID_LENGTH = 64
const MAX_NOTE_LENGTH = 500

type FieldIssue = { field: string; code: string }

type Period = { start: string; end: string }

// Reads the start and end in Beijing time, the end later than the start.
function checkPeriod(form: RiskVenueForm, fields: FieldIssue[]): Period | null {
  const start = parseCityDateTime(form.start)
  if (start.kind === 'invalid') {
    fields.push({ field: 'start', code: start.code })
  }
  const end = parseCityDateTime(form.end)
  if (end.kind === 'invalid') fields.push({ field: 'end', code: end.code })
  if (start.kind === 'invalid' || end.kind === 'invalid') return null

  if (Date.parse(end.instant) <= Date.parse(start.instant)) {
    fields.push({ field: 'end', code: 'end_not_after_start' })
    return null
  }
  return { start: start.instant, end: end.instant }
}

// Checks a risk period of a venue: a venue id, a start and an end in
// Beijing time with the end later, and a level.
export function validateRiskVenue(
  form: RiskVenueForm,
): ValidatedRiskVenue | LocalInvalid {
  const fields: FieldIssue[] = []
  const venueId = form.venueId.trim()
  if (venueId === '') fields.push({ field: 'venueId', code: 'required' })
  else if (venueId.length > MAX_VENUE_ID_LENGTH) {
    fields.push({ field: 'venueId', code: 'too_long' })
  }

  const period = checkPeriod(form, fields)
  if (form.level === null) {
    fields.push({ field: 'level', code: 'none_selected' })
  }
  const note = form.note.trim()
  if ([...note].length > MAX_NOTE_LENGTH) {
    fields.push({ field: 'note', code: 'too_long' })
  }

  if (fields.length > 0 || period === null || form.level === null) {
    return { kind: 'invalid', fields }
  }
  return {
    kind: 'ok',
    request: {
      venueId,
      ...period,
      level: form.level,
      ...(note === '' ? {} : { note }),
    },
  }
}
