import type { Color } from '../api/schemas'
import type { LocalizedText } from '../cities/cityRules'
import type { Reason } from './evaluate'

export type OverrideReasonCode =
  | 'negative_test'
  | 'positive_test'
  | 'data_correction'
  | 'quarantine_completed'
  | 'health_authority_order'

// An operator's decision to set a resident's color until `until`.
export type Override = {
  color: Color
  setAt: Date
  until: Date
  reasonCode: OverrideReasonCode
  // Reference of the document the operator relied on, such as a test
  // report number. Kept for audit, never shown in the reason text.
  evidenceRef: string
  operatorId: string
}

// An approved appeal. It clears the reasons with one of `clearsRules` whose
// facts were recorded by `decidedAt`.
export type AppealOutcome = {
  // Rules such as `exposure.confirmed_case` or `questionnaire.travel`.
  clearsRules: string[]
  decidedAt: Date
}

// A reason with the time its fact was recorded, which decides whether an
// override or appeal covers it.
export type Finding = { reason: Reason; recordedAt: Date }

const OVERRIDE_TEXTS: Readonly<Record<OverrideReasonCode, LocalizedText>> = {
  negative_test: {
    zh: '工作人员根据核酸检测阴性结果设定了健康码颜色',
    en: 'An operator set this color after a negative nucleic acid test',
  },
  positive_test: {
    zh: '工作人员根据核酸检测阳性结果设定了健康码颜色',
    en: 'An operator set this color after a positive nucleic acid test',
  },
  data_correction: {
    zh: '工作人员更正了错误数据并设定了健康码颜色',
    en: 'An operator set this color to correct wrong data',
  },
  quarantine_completed: {
    zh: '工作人员确认您已完成隔离并设定了健康码颜色',
    en: 'An operator set this color after you completed quarantine',
  },
  health_authority_order: {
    zh: '工作人员依据卫生健康部门的决定设定了健康码颜色',
    en: 'An operator set this color on the order of the health authority',
  },
}

const SEVERITY: Readonly<Record<Color, number>> = {
  green: 0,
  yellow: 1,
  red: 2,
}

// Returns the override in force at `now`: the one set last, and among
// those set at the same instant the one that runs longest, then the most
// severe, so the choice does not depend on the order of the list.
export function activeOverride(
  overrides: readonly Override[],
  now: Date,
): Override | null {
  const nowMs = now.getTime()
  let chosen: Override | null = null
  for (const override of overrides) {
    const running =
      override.setAt.getTime() <= nowMs && nowMs < override.until.getTime()
    if (running && (chosen === null || supersedes(override, chosen))) {
      chosen = override
    }
  }
  return chosen
}

function supersedes(candidate: Override, current: Override): boolean {
  const bySetAt = candidate.setAt.getTime() - current.setAt.getTime()
  if (bySetAt !== 0) return bySetAt > 0
  const byUntil = candidate.until.getTime() - current.until.getTime()
  if (byUntil !== 0) return byUntil > 0
  const bySeverity = SEVERITY[candidate.color] - SEVERITY[current.color]
  if (bySeverity !== 0) return bySeverity > 0
  return candidate.reasonCode > current.reasonCode
}

// Replaces every finding recorded up to the override by the override's
// color until its end. Facts recorded after it still count, so an override
// to green cannot hide a later exposure. Green adds no reason.
export function applyOverride(
  findings: readonly Finding[],
  override: Override | null,
): Finding[] {
  if (override === null) return [...findings]
  const setAtMs = override.setAt.getTime()
  const later = findings.filter(
    (finding) => finding.recordedAt.getTime() > setAtMs,
  )
  if (override.color === 'green') return later
  const reason: Reason = {
    rule: `override.${override.reasonCode}`,
    color: override.color,
    since: override.setAt,
    until: override.until,
    text: OVERRIDE_TEXTS[override.reasonCode],
  }
  return [...later, { reason, recordedAt: override.setAt }]
}

// Removes the findings that an appeal decided by `now` clears.
export function applyAppeals(
  findings: readonly Finding[],
  appeals: readonly AppealOutcome[],
  now: Date,
): Finding[] {
  const nowMs = now.getTime()
  const decided = appeals.filter(
    (appeal) => appeal.decidedAt.getTime() <= nowMs,
  )
  return findings.filter(
    (finding) =>
      !decided.some(
        (appeal) =>
          appeal.clearsRules.includes(finding.reason.rule) &&
          finding.recordedAt.getTime() <= appeal.decidedAt.getTime(),
      ),
  )
}
