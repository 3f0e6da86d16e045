import { z } from 'zod'
import { Color, StatusReason } from './schemas'

// Bodies of the appeal routes: a resident contests the reasons behind a
// color, and an operator approves or rejects the appeal.

const Instant = z.iso.datetime({ offset: true })

export const MAX_APPEAL_MESSAGE_LENGTH = 1000
export const MAX_DECISION_REASON_LENGTH = 500

// A reason's rule as status reasons carry it, such as
// `questionnaire.symptoms` or `exposure.confirmed_case`.
const Rule = z.string().regex(/^[a-z][a-z0-9_]*(?:\.[a-z0-9_]+)+$/)

// 1 to `max` characters (code points) after trimming.
function Text(max: number) {
  return z
    .string()
    .max(max * 4)
    .trim()
    .min(1)
    .refine((text) => [...text].length <= max, {
      message: `must be at most ${max} characters`,
    })
}

const Rules = z
  .array(Rule)
  .min(1)
  .max(20)
  .refine((rules) => new Set(rules).size === rules.length, {
    message: 'must not repeat a rule',
  })

export const AppealRequest = z
  .object({
    message: Text(MAX_APPEAL_MESSAGE_LENGTH),
    // Rules of the current reasons the appeal contests. Without it, every
    // current reason is contested.
    rules: Rules.optional(),
    // A dependent of the caller, who appeals for them. Without it, the
    // caller appeals for themselves.
    residentId: z.string().max(64).optional(),
  })
  .strict()
export type AppealRequest = z.infer<typeof AppealRequest>

export const AppealStatus = z.enum(['pending', 'approved', 'rejected'])
export type AppealStatus = z.infer<typeof AppealStatus>

export const AppealDecisionKind = z.enum(['approve', 'reject'])
export type AppealDecisionKind = z.infer<typeof AppealDecisionKind>

export const AppealDecisionRequest = z
  .object({
    decision: AppealDecisionKind,
    // Shown to the resident, so it must make sense to them.
    reason: Text(MAX_DECISION_REASON_LENGTH),
    // Rules the approval clears, among those appealed. Without it, all of
    // them. Ignored for a rejection.
    rules: Rules.optional(),
  })
  .strict()
export type AppealDecisionRequest = z.infer<typeof AppealDecisionRequest>

// The color and reasons when the appeal was filed, in the caller's
// language.
export const AppealSnapshot = z.object({
  color: Color,
  until: Instant.nullable(),
  reasons: z.array(StatusReason),
})
export type AppealSnapshot = z.infer<typeof AppealSnapshot>

export const AppealDecision = z.object({
  decision: AppealDecisionKind,
  reason: z.string(),
  // Rules the approval cleared. Empty for a rejection.
  rules: z.array(z.string()),
  decidedAt: Instant,
})
export type AppealDecision = z.infer<typeof AppealDecision>

export const AppealView = z.object({
  id: z.string(),
  // The resident the appeal is for: the caller or one of their dependents.
  residentId: z.string(),
  filedAt: Instant,
  status: AppealStatus,
  message: z.string(),
  rules: z.array(z.string()),
  snapshot: AppealSnapshot,
  decision: AppealDecision.nullable(),
})
export type AppealView = z.infer<typeof AppealView>

// The caller's appeals and those of their dependents, newest first.
export const AppealList = z.object({ items: z.array(AppealView) })
export type AppealList = z.infer<typeof AppealList>

// Query of GET /v1/appeals. `cursor` is the `nextCursor` of the previous
// page.
export const AppealsQuery = z
  .object({
    status: AppealStatus.default('pending'),
    cursor: z.string().max(1000).optional(),
  })
  .strict()
export type AppealsQuery = z.infer<typeof AppealsQuery>

// An appeal as operators see it: the resident's name masked.
export const OperatorAppealView = AppealView.extend({
  maskedName: z.string(),
})
export type OperatorAppealView = z.infer<typeof OperatorAppealView>

// Oldest first, so the longest-waiting appeals come first.
export const OperatorAppealList = z.object({
  items: z.array(OperatorAppealView),
  // Null on the last page.
  nextCursor: z.string().nullable(),
})
export type OperatorAppealList = z.infer<typeof OperatorAppealList>
