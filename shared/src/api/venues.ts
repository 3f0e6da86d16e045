import { z } from 'zod'
import { Color, Role } from './schemas'

// Bodies of the business and venue routes. Requests are strict objects,
// like every request of the API.

const Instant = z.iso.datetime({ offset: true })

// A calendar date in the city's time zone.
export const CityDate = z.iso.date()
export type CityDate = z.infer<typeof CityDate>

// Control characters, lone surrogates, the line and paragraph separators,
// and the invisible characters that can make a printed name read as another:
// bidirectional overrides and isolates, zero-width space and the byte order
// mark. Zero-width joiners stay, because emoji and some scripts need them.
const NOT_PRINTABLE =
  /[\p{Cc}\p{Cs}\u2028\u2029\u200B\u202A-\u202E\u2066-\u2069\uFEFF]/u

function codePointCount(text: string): number {
  return [...text].length
}

/**
 * Builds the schema of a one-line text of 1 to `max` characters (code
 * points), trimmed. Any script is allowed, and the text is stored and
 * returned as it is, so `=`, `+`, `-`, `@` and HTML are ordinary characters.
 */
function LineText(max: number) {
  return z
    .string()
    .max(max * 4)
    .trim()
    .min(1)
    .refine((text) => codePointCount(text) <= max, {
      message: `must be at most ${max} characters`,
    })
    .refine((text) => !NOT_PRINTABLE.test(text), {
      message: 'must not contain control or invisible formatting characters',
    })
}

export const MAX_VENUE_NAME_LENGTH = 100
export const MAX_ADDRESS_LENGTH = 200

export const BusinessRequest = z
  .object({
    name: LineText(MAX_VENUE_NAME_LENGTH),
    // Unified social credit code (GB 32100-2015), checked by
    // parseCreditCode, which accepts spaces and full-width characters.
    creditCode: z.string().max(64),
  })
  .strict()
export type BusinessRequest = z.infer<typeof BusinessRequest>

export const Business = z.object({
  name: z.string(),
  creditCode: z.string(),
  createdAt: Instant,
})
export type Business = z.infer<typeof Business>

// `roles` are the account's roles after the change. The session token
// keeps its roles until POST /v1/auth/refresh issues a new one.
export const BusinessResponse = z.object({
  business: Business,
  roles: z.array(Role),
})
export type BusinessResponse = z.infer<typeof BusinessResponse>

export const VenueType = z.enum([
  'market',
  'residential_compound',
  'subway_bus',
  'bank',
  'office',
  'hospital',
  'train_station',
  'school',
  'restaurant',
  'other',
])
export type VenueType = z.infer<typeof VenueType>

// WGS 84 degrees.
export const Coordinates = z
  .object({
    lat: z.number().min(-90).max(90),
    lng: z.number().min(-180).max(180),
  })
  .strict()
export type Coordinates = z.infer<typeof Coordinates>

// Checks a venue requires of its guards, within what the city allows.
export const VenuePolicy = z
  .object({
    // Guards must enter a temperature with every verification. A city
    // that requires it everywhere does not let a venue turn it off.
    temperatureRequired: z.boolean(),
    // Guards are shown the masked document number, to compare it with the
    // card. Only venue types the city lists may ask for it.
    recordDocument: z.boolean(),
  })
  .strict()
export type VenuePolicy = z.infer<typeof VenuePolicy>

export const VenueRequest = z
  .object({
    name: LineText(MAX_VENUE_NAME_LENGTH),
    address: LineText(MAX_ADDRESS_LENGTH),
    type: VenueType,
    location: Coordinates.optional(),
    // Omitted: the least the city requires.
    policy: VenuePolicy.optional(),
  })
  .strict()
export type VenueRequest = z.infer<typeof VenueRequest>

// The rules a guard's device applies at a venue: the venue's policy
// merged with the city's checkpoint rules. `checkToken` takes it as its
// policy, and `checkTemperature` as its temperature rules.
export const GuardPolicy = z.object({
  temperatureRequired: z.boolean(),
  recordDocument: z.boolean(),
  // A reading at or above this, in degrees Celsius, is a fever.
  feverCelsius: z.number(),
  denyColors: z.array(Color),
  // Maximum accepted difference between a device clock and server time.
  clockSkewSeconds: z.number().int(),
})
export type GuardPolicy = z.infer<typeof GuardPolicy>

export const Venue = z.object({
  id: z.string(),
  name: z.string(),
  address: z.string(),
  type: VenueType,
  location: Coordinates.nullable(),
  policy: VenuePolicy,
  guardPolicy: GuardPolicy,
  // Version of the venue code, which POST /v1/venues/{id}/rotate
  // increments.
  codeVersion: z.number().int(),
  // The ASCII text of the QR code on the poster, the same on every
  // download until the next rotation.
  codeText: z.string(),
  createdAt: Instant,
  // Relation of the caller to the venue: its business or one of its guards.
  access: z.enum(['owner', 'guard']),
})
export type Venue = z.infer<typeof Venue>

export const VenueList = z.object({ items: z.array(Venue) })
export type VenueList = z.infer<typeof VenueList>

export const GuardRequest = z.object({ phone: z.string().max(40) }).strict()
export type GuardRequest = z.infer<typeof GuardRequest>

export const GuardResponse = z.object({
  venueId: z.string(),
  maskedPhone: z.string(),
  // True when the phone had never signed in and got a new account.
  accountCreated: z.boolean(),
})
export type GuardResponse = z.infer<typeof GuardResponse>

export const PosterFormat = z.enum(['pdf', 'png'])
export type PosterFormat = z.infer<typeof PosterFormat>

// Query of GET /v1/venues/{id}/poster: the PDF to print, or a PNG of the
// code alone.
export const PosterQuery = z
  .object({ format: PosterFormat.default('pdf') })
  .strict()
export type PosterQuery = z.infer<typeof PosterQuery>

// Venue ids as the server issues them: 128 random bits as base64url.
export const VenueId = z.string().regex(/^[A-Za-z0-9_-]{16,64}$/)

// Query of GET /v1/venues/{id}/stats: an inclusive range of city dates.
export const StatsQuery = z
  .object({ from: CityDate, to: CityDate })
  .strict()
export type StatsQuery = z.infer<typeof StatsQuery>

// Counts only: the stats of a venue never carry personal data.
export const DayStats = z.object({
  date: CityDate,
  checkins: z.number().int(),
  // Verifications at the venue's checkpoint with a deny verdict.
  denied: z.number().int(),
})
export type DayStats = z.infer<typeof DayStats>

export const VenueStats = z.object({
  venueId: z.string(),
  from: CityDate,
  to: CityDate,
  days: z.array(DayStats),
})
export type VenueStats = z.infer<typeof VenueStats>

// Maximum range of one stats request, in days.
export const MAX_STATS_DAYS = 31
