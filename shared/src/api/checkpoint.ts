import { z } from 'zod'
import { Color, DocumentInput } from './schemas'

// Bodies of the guard's checkpoint routes.

const Instant = z.iso.datetime({ offset: true })

// Outcome codes of a verification. `checkToken` returns the first seven
// on the device and on the server. ALREADY_USED, FEVER and NOT_REGISTERED
// come from the server only.
export const VerdictCode = z.enum([
  'ALLOW',
  // The color is one the city denies entry to (yellow and red).
  'DENY_COLOR',
  'EXPIRED',
  // A pass issued for another venue.
  'WRONG_VENUE',
  // Forged, altered or not a token of this system at all.
  'INVALID_SIGNATURE',
  // A well-formed code issued by another city.
  'WRONG_CITY',
  // The verifying device's clock is off, so time checks cannot be trusted.
  'CLOCK_WRONG',
  // The pass was redeemed before, and each pass admits once.
  'ALREADY_USED',
  // The temperature is at or above the city's fever threshold.
  'FEVER',
  // No registered, rated resident matches the code or document.
  'NOT_REGISTERED',
])
export type VerdictCode = z.infer<typeof VerdictCode>

export const Verdict = z.enum(['allow', 'deny'])
export type Verdict = z.infer<typeof Verdict>

// Body temperature in degrees Celsius. Readings outside this range are
// measuring errors or Fahrenheit values, not body temperatures.
export const Temperature = z.number().min(30).max(45)

export const VerifyRequest = z
  .object({
    // The scanned QR text: a pass or a personal code.
    token: z.string().max(4096),
    venueId: z.string().max(64),
    temperature: Temperature.optional(),
    // The device's clock, to tell the guard when it is wrong.
    deviceTime: Instant.optional(),
  })
  .strict()
export type VerifyRequest = z.infer<typeof VerifyRequest>

export const VerifyResponse = z.object({
  verdict: Verdict,
  code: VerdictCode,
  color: Color.optional(),
  maskedName: z.string().optional(),
  // Only at venues whose policy records documents.
  maskedDocument: z.string().optional(),
  venueName: z.string(),
  // Server time of the check. A device can compute its clock offset
  // from it.
  checkedAt: Instant,
  // The verdict in the caller's language, to show to the guard.
  message: z.string(),
})
export type VerifyResponse = z.infer<typeof VerifyResponse>

export const ManualCheckinRequest = z
  .object({
    venueId: z.string().max(64),
    document: DocumentInput,
    temperature: Temperature.optional(),
  })
  .strict()
export type ManualCheckinRequest = z.infer<typeof ManualCheckinRequest>

export const MAX_REDEMPTIONS_PER_REQUEST = 100

export const RedemptionItem = z
  .object({
    token: z.string().max(4096),
    venueId: z.string().max(64),
    // When the device verified the token offline.
    verifiedAt: Instant,
    temperature: Temperature.optional(),
  })
  .strict()
export type RedemptionItem = z.infer<typeof RedemptionItem>

export const RedemptionsRequest = z
  .object({
    items: z
      .array(RedemptionItem)
      .min(1)
      .max(MAX_REDEMPTIONS_PER_REQUEST),
  })
  .strict()
export type RedemptionsRequest = z.infer<typeof RedemptionsRequest>

export const RedemptionStatus = z.enum(['redeemed', 'already_used', 'invalid'])
export type RedemptionStatus = z.infer<typeof RedemptionStatus>

// One result per item, in the order of the request. Sending the same items
// again returns `redeemed` for those this guard redeemed before.
export const RedemptionResult = z.object({
  status: RedemptionStatus,
  // Reason an item is invalid, as a verdict code.
  code: VerdictCode.optional(),
})
export type RedemptionResult = z.infer<typeof RedemptionResult>

export const RedemptionsResponse = z.object({
  results: z.array(RedemptionResult),
})
export type RedemptionsResponse = z.infer<typeof RedemptionsResponse>
