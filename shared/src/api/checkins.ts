import { z } from 'zod'
import { Color } from './schemas'
import { Coordinates, VenueType } from './venues'

// Bodies of the resident's check-in routes.

const Instant = z.iso.datetime({ offset: true })

// Header that makes POST /v1/checkins safe to retry: the same key returns
// the same check-in and the same pass.
export const IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key'

// A UUID qualifies, and so does any other random string of this alphabet.
export const IdempotencyKey = z.string().regex(/^[A-Za-z0-9_-]{16,64}$/)
export type IdempotencyKey = z.infer<typeof IdempotencyKey>

export const CheckinRequest = z
  .object({
    // The scanned QR text, checked by the server.
    code: z.string().max(512),
    // The phone's clock, stored as metadata only: the server's time is
    // the time of the check-in.
    clientTime: Instant.optional(),
    location: Coordinates.optional(),
  })
  .strict()
export type CheckinRequest = z.infer<typeof CheckinRequest>

// Marks for later review. A flag never changes a color.
export const CheckinFlag = z.enum([
  // The previous check-in was farther away than the city's maximum speed
  // allows in the time between the two.
  'implausible_travel',
  // clientTime differed from server time by more than the city allows.
  'client_clock_skew',
])
export type CheckinFlag = z.infer<typeof CheckinFlag>

// Origin of a check-in: the resident scanned the venue code, a guard
// verified the resident's personal code, or a guard entered a document.
export const CheckinSource = z.enum(['scan', 'guard', 'manual'])
export type CheckinSource = z.infer<typeof CheckinSource>

export const CheckinView = z.object({
  id: z.string(),
  venueId: z.string(),
  venueName: z.string(),
  venueType: VenueType,
  at: Instant,
  flags: z.array(CheckinFlag),
  source: CheckinSource,
})
export type CheckinView = z.infer<typeof CheckinView>

// A one-time pass for the venue's guard: an `hc-code` token whose `ven`
// claim is the venue id.
export const Pass = z.object({
  token: z.string(),
  expiresAt: Instant,
  // null when the city hides the color on passes. The token still
  // carries it for the guard's check.
  color: Color.nullable(),
})
export type Pass = z.infer<typeof Pass>

export const CheckinResponse = z.object({
  checkin: CheckinView,
  pass: Pass,
})
export type CheckinResponse = z.infer<typeof CheckinResponse>

// The resident's check-ins within the retention period, newest first.
export const CheckinHistory = z.object({ items: z.array(CheckinView) })
export type CheckinHistory = z.infer<typeof CheckinHistory>
