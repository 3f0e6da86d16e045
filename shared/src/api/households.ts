import { z } from 'zod'
import { Color, DocumentInput, DocumentType, ResidentStatus } from './schemas'

// Bodies of the household routes: dependents without a phone, registered
// and looked after by guardians, and the adults who live with them.

const Instant = z.iso.datetime({ offset: true })

// Relationship of the dependent to the guardian who adds them.
export const Relationship = z.enum([
  'child',
  'parent',
  'grandparent',
  'spouse',
  'other',
])
export type Relationship = z.infer<typeof Relationship>

// Registers a person without a phone. Name and document are checked as at
// registration, and the city's eligibility rule applies.
export const DependentRequest = z
  .object({
    name: z.string().max(200),
    document: DocumentInput,
    relationship: Relationship,
  })
  .strict()
export type DependentRequest = z.infer<typeof DependentRequest>

// Makes the caller a further guardian of a registered dependent. Knowing
// the dependent's whole document (type, number, and country for a
// passport) is the proof. `relationship` defaults to `other`.
export const DependentLinkRequest = z
  .object({
    document: DocumentInput,
    relationship: Relationship.optional(),
  })
  .strict()
export type DependentLinkRequest = z.infer<typeof DependentLinkRequest>

export const DependentView = z.object({
  id: z.string(),
  maskedName: z.string(),
  documentType: DocumentType,
  maskedDocument: z.string(),
  relationship: Relationship,
  // When the caller became this dependent's guardian.
  linkedAt: Instant,
  // Every guardian, the caller included.
  guardianCount: z.number().int(),
  status: ResidentStatus,
})
export type DependentView = z.infer<typeof DependentView>

export const DependentList = z.object({
  items: z.array(DependentView),
  // households.maxDependents of the city: the maximum number of dependents
  // of one account, registered and linked together.
  maxDependents: z.number().int(),
})
export type DependentList = z.infer<typeof DependentList>

// Invites the resident of a phone to join the caller's household.
export const HouseholdInviteRequest = z
  .object({ phone: z.string().max(40) })
  .strict()
export type HouseholdInviteRequest = z.infer<typeof HouseholdInviteRequest>

// The same response whether or not the phone belongs to a registered
// resident, so an invitation reveals nobody's registration.
export const HouseholdInvitation = z.object({ expiresAt: Instant })
export type HouseholdInvitation = z.infer<typeof HouseholdInvitation>

export const HouseholdMemberKind = z.enum(['adult', 'dependent'])
export type HouseholdMemberKind = z.infer<typeof HouseholdMemberKind>

// A reason as household members see it. Members see the reasons that come
// from the household, never another adult's own answers or exposures.
export const SharedReason = z.object({
  rule: z.string(),
  color: Color,
  since: Instant,
  until: Instant.nullable(),
  text: z.string(),
})
export type SharedReason = z.infer<typeof SharedReason>

export const HouseholdMember = z.object({
  id: z.string(),
  maskedName: z.string(),
  kind: HouseholdMemberKind,
  // The caller's own entry.
  self: z.boolean(),
  // Null while the member has no color yet (no questionnaire).
  color: Color.nullable(),
  until: Instant.nullable(),
  // Reasons of the household rules (`household.*`). The caller's own entry
  // and the caller's dependents list every reason.
  reasons: z.array(SharedReason),
})
export type HouseholdMember = z.infer<typeof HouseholdMember>

export const HouseholdView = z.object({
  // Null until the caller adds a dependent or joins a household.
  id: z.string().nullable(),
  members: z.array(HouseholdMember),
  // A pending invitation to the caller's phone, to accept with
  // POST /v1/residents/me/household/accept.
  invitation: z
    .object({ fromMaskedName: z.string(), expiresAt: Instant })
    .nullable(),
})
export type HouseholdView = z.infer<typeof HouseholdView>
