import type { LocalInvalid } from '../../api/failure'
import {
  VenueRequest,
  type Coordinates,
  type VenueType,
} from '../../contract'

export type VenueForm = {
  name: string
  address: string
  type: VenueType | null
  // Degrees as typed; both empty leaves the location out.
  latitude: string
  longitude: string
  temperatureRequired: boolean
  recordDocument: boolean
}

type FieldIssue = { field: string; code: string }

type CoordinatesInput =
  | { kind: 'ok'; location: Coordinates | undefined }
  | { kind: 'invalid'; fields: FieldIssue[] }

function readCoordinates(form: VenueForm): CoordinatesInput {
  const latitude = form.latitude.trim()
  const longitude = form.longitude.trim()
  if (latitude === '' && longitude === '') {
    return { kind: 'ok', location: undefined }
  }
  const lat = Number(latitude)
  const lng = Number(longitude)
  const fields: FieldIssue[] = []
  if (latitude === '' || !Number.isFinite(lat)) {
    fields.push({ field: 'location.lat', code: 'invalid_type' })
  }
  if (longitude === '' || !Number.isFinite(lng)) {
    fields.push({ field: 'location.lng', code: 'invalid_type' })
  }
  return fields.length > 0
    ? { kind: 'invalid', fields }
    : { kind: 'ok', location: { lat, lng } }
}

// Builds the request and checks it with the API's schema. With neither
// policy choice made the policy is left out, so the city's minimum
// applies. A city that requires temperatures everywhere then cannot reject
// the venue for leaving them off.
export function validateVenue(
  form: VenueForm,
): { kind: 'ok'; request: VenueRequest } | LocalInvalid {
  const coordinates = readCoordinates(form)
  const choosesPolicy = form.temperatureRequired || form.recordDocument
  const parsed = VenueRequest.safeParse({
    name: form.name,
    address: form.address,
    type: form.type ?? undefined,
    ...(coordinates.kind === 'ok' && coordinates.location !== undefined
      ? { location: coordinates.location }
      : {}),
    ...(choosesPolicy
      ? {
          policy: {
            temperatureRequired: form.temperatureRequired,
            recordDocument: form.recordDocument,
          },
        }
      : {}),
  })
  const fields: FieldIssue[] =
    coordinates.kind === 'invalid' ? [...coordinates.fields] : []
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      fields.push({ field: issue.path.join('.'), code: issue.code })
    }
  }
  if (!parsed.success || fields.length > 0) return { kind: 'invalid', fields }
  return { kind: 'ok', request: parsed.data }
}
