import { z } from 'zod'
import { RiskColor } from '../cities/cityRules'
import type { OverrideReasonCode as ReasonCodeType } from '../rating/decisions'
import { Color, DocumentInput } from './schemas'

// Request and response bodies of the operator routes: cases, risky venues,
// overrides, imports, flags, exports, statistics and the audit trail.
// Responses name residents by id and masked name only.

const Instant = z.iso.datetime({ offset: true })
const CalendarDate = z.iso.date()
const Id = z.string().min(1).max(64)
const Note = z.string().max(500)

// Reason codes of an override, kept with it for the audit trail.
// `satisfies` keeps the list within the codes the rating rules word.
export const OverrideReasonCode = z.enum([
  'negative_test',
  'positive_test',
  'data_correction',
  'quarantine_completed',
  'health_authority_order',
]) satisfies z.ZodType<ReasonCodeType>
export type OverrideReasonCode = z.infer<typeof OverrideReasonCode>

// Whether the search for a case's or window's contacts was started.
export const MatchingState = z.enum(['pending', 'requested', 'done'])
export type MatchingState = z.infer<typeof MatchingState>

export const CaseRequest = z
  .object({
    document: DocumentInput,
    kind: z.enum(['confirmed', 'suspected']),
    // City date of symptom onset.
    onset: CalendarDate,
    // City date of the positive sample, for a case without symptoms.
    sampleDate: CalendarDate.optional(),
    note: Note.optional(),
  })
  .strict()
export type CaseRequest = z.infer<typeof CaseRequest>

export const CaseResponse = z.object({
  id: z.string(),
  residentId: z.string(),
  maskedName: z.string(),
  kind: z.enum(['confirmed', 'suspected']),
  onset: CalendarDate,
  sampleDate: CalendarDate.optional(),
  note: z.string().optional(),
  reportedAt: Instant,
  matching: MatchingState,
})
export type CaseResponse = z.infer<typeof CaseResponse>

export const RiskyVenueRequest = z
  .object({
    venueId: Id,
    start: Instant,
    end: Instant,
    level: RiskColor,
    note: Note.optional(),
  })
  .strict()
export type RiskyVenueRequest = z.infer<typeof RiskyVenueRequest>

export const RiskyVenueResponse = z.object({
  id: z.string(),
  venueId: z.string(),
  venueName: z.string(),
  start: Instant,
  end: Instant,
  level: RiskColor,
  note: z.string().optional(),
  createdAt: Instant,
  matching: MatchingState,
})
export type RiskyVenueResponse = z.infer<typeof RiskyVenueResponse>

const EvidenceRef = z.string().min(1).max(128)

export const OverrideRequest = z
  .object({
    residentId: Id,
    color: Color,
    until: Instant,
    reasonCode: OverrideReasonCode,
    // Reference of the document the operator relied on, such as a test
    // report number.
    evidenceRef: EvidenceRef,
  })
  .strict()
export type OverrideRequest = z.infer<typeof OverrideRequest>

export const OverrideResponse = z.object({
  residentId: z.string(),
  // The resident's color before and after; null while unrated.
  before: Color.nullable(),
  after: Color.nullable(),
})
export type OverrideResponse = z.infer<typeof OverrideResponse>

export const MAX_BULK_OVERRIDE_RESIDENTS = 1000

export const BulkOverrideRequest = z
  .object({
    residentIds: z.array(Id).min(1).max(MAX_BULK_OVERRIDE_RESIDENTS),
    // Only yellow or red: a bulk change never turns people green.
    color: RiskColor,
    until: Instant,
    reasonCode: OverrideReasonCode,
    evidenceRef: EvidenceRef,
  })
  .strict()
export type BulkOverrideRequest = z.infer<typeof BulkOverrideRequest>

export const OverrideRequestView = z.object({
  id: z.string(),
  status: z.enum(['pending', 'approved', 'applied']),
  color: RiskColor,
  until: Instant,
  reasonCode: OverrideReasonCode,
  evidenceRef: z.string(),
  residentIds: z.array(z.string()),
  requestedBy: z.string(),
  requestedAt: Instant,
  approvedBy: z.string().optional(),
  approvedAt: Instant.optional(),
  // Counts of the residents once applied.
  result: z
    .object({
      changed: z.number().int(),
      unchanged: z.number().int(),
      notFound: z.number().int(),
    })
    .optional(),
})
export type OverrideRequestView = z.infer<typeof OverrideRequestView>

export const OverrideRequestList = z.object({
  items: z.array(OverrideRequestView),
})
export type OverrideRequestList = z.infer<typeof OverrideRequestList>

export const ImportRequest = z.object({ csv: z.string() }).strict()
export type ImportRequest = z.infer<typeof ImportRequest>

export const ImportError = z.object({
  line: z.number().int(),
  field: z.string(),
  code: z.string(),
  message: z.string(),
})
export type ImportError = z.infer<typeof ImportError>

export const ImportResponse = z.object({
  // Rows that gave a registered resident a travel exposure.
  imported: z.number().int(),
  // Residents flagged because their questionnaire left the place out.
  flagged: z.number().int(),
  // Valid rows about unregistered people, places that are not high-risk
  // or stays too old to give a color.
  skipped: z.number().int(),
  errors: z.array(ImportError),
})
export type ImportResponse = z.infer<typeof ImportResponse>

export const FlagView = z.object({
  id: z.string(),
  residentId: z.string(),
  maskedName: z.string(),
  kind: z.literal('travel_not_declared'),
  // The questionnaire option of the high-risk area, such as `wuhan`.
  place: z.string(),
  // Time of the imported stay.
  at: Instant,
  // Time of the declaration that left the place out.
  declaredAt: Instant,
  createdAt: Instant,
})
export type FlagView = z.infer<typeof FlagView>

export const FlagList = z.object({ items: z.array(FlagView) })
export type FlagList = z.infer<typeof FlagList>

export const MAX_CITY_STATS_DAYS = 31

export const CityStatsQuery = z
  .object({ from: CalendarDate, to: CalendarDate })
  .strict()
export type CityStatsQuery = z.infer<typeof CityStatsQuery>

export const CityStats = z.object({
  from: CalendarDate,
  to: CalendarDate,
  evaluatedAt: Instant,
  // Residents by their color at `evaluatedAt`.
  residents: z.object({
    green: z.number().int(),
    yellow: z.number().int(),
    red: z.number().int(),
    unrated: z.number().int(),
  }),
  checkins: z.array(
    z.object({
      date: CalendarDate,
      venueType: z.string(),
      count: z.number().int(),
    }),
  ),
  // Cases per city date of their report.
  cases: z.array(
    z.object({
      date: CalendarDate,
      confirmed: z.number().int(),
      suspected: z.number().int(),
    }),
  ),
})
export type CityStats = z.infer<typeof CityStats>

// Exactly one subject: a resident, a venue or an operator account.
export const AuditQuery = z
  .object({
    residentId: Id.optional(),
    venueId: Id.optional(),
    operatorId: Id.optional(),
  })
  .strict()
  .refine(
    (query) =>
      [query.residentId, query.venueId, query.operatorId].filter(
        (value) => value !== undefined,
      ).length === 1,
    { message: 'Give exactly one of residentId, venueId and operatorId' },
  )
export type AuditQuery = z.infer<typeof AuditQuery>

export const AuditEntry = z.object({
  eventId: z.string(),
  at: Instant,
  // rating_changed, operator_action, personal_data_read or manual_checkin.
  kind: z.string(),
  actor: z.object({ accountId: z.string(), role: z.string() }),
  // The record's other fields, such as `before`, `after` and `rules`.
  details: z.record(z.string(), z.unknown()),
})
export type AuditEntry = z.infer<typeof AuditEntry>

export const AuditList = z.object({ items: z.array(AuditEntry) })
export type AuditList = z.infer<typeof AuditList>
