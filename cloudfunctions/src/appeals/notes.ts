import {
  cityDate,
  type Color,
  type Language,
  type ResidentStatus,
  type StatusReason,
} from '@healthcode/shared'
import type { SnapshotReason, StoredAppeal } from './repository'

const SEVERITY: Readonly<Record<Color, number>> = {
  green: 0,
  yellow: 1,
  red: 2,
}

/**
 * Returns one status reason per decided appeal whose contested reasons
 * would still run at `now`, so the resident reads why a reason vanished
 * or why it stays. An approval gives a green `appeal.approved` note. A
 * rejection gives an `appeal.rejected` note in the color of the contested
 * reasons. Each note ends when the last reason it covers would have ended.
 */
export function appealNotes(
  appeals: readonly StoredAppeal[],
  timeZone: string,
  language: Language,
  now: Date,
): StatusReason[] {
  return appeals.flatMap((appeal) => {
    const decision = appeal.decision
    if (decision === undefined) return []
    const approved = decision.decision === 'approve'
    const rules = approved ? decision.rules : appeal.rules
    const covered = appeal.snapshot.reasons.filter((reason) =>
      rules.includes(reason.rule),
    )
    const until = latestEnd(covered)
    if (until === null || until <= now.getTime()) return []
    const day = cityDate(new Date(decision.decidedAt), timeZone)
    const texts = covered.map((reason) => reason.text[language])
    return [
      {
        rule: approved ? 'appeal.approved' : 'appeal.rejected',
        color: approved ? 'green' : maxSeverityColor(covered),
        since: decision.decidedAt,
        until: new Date(until).toISOString(),
        text: approved
          ? approvedText(language, day, texts, decision.reason)
          : rejectedText(language, day, decision.reason),
      },
    ]
  })
}

/** Appends the notes to the reasons of a rated status. */
export function withNotes(
  status: ResidentStatus,
  notes: readonly StatusReason[],
): ResidentStatus {
  if (!status.rated || notes.length === 0) return status
  return { ...status, reasons: [...status.reasons, ...notes] }
}

function latestEnd(reasons: readonly SnapshotReason[]): number | null {
  if (reasons.length === 0) return null
  return Math.max(...reasons.map((reason) => Date.parse(reason.until)))
}

function maxSeverityColor(reasons: readonly SnapshotReason[]): Color {
  let color: Color = 'green'
  for (const reason of reasons) {
    if (SEVERITY[reason.color] > SEVERITY[color]) color = reason.color
  }
  return color
}

function approvedText(
  language: Language,
  day: string,
  cleared: readonly string[],
  operatorReason: string,
): string {
  switch (language) {
    case 'zh':
      return (
        `您的申诉已于${day}获批准，以下原因不再计入：` +
        `${cleared.join('；')}。工作人员说明：${operatorReason}`
      )
    case 'en':
      return (
        `Your appeal was approved on ${day}, so these reasons no longer ` +
        `count: ${cleared.join('; ')}. The operator wrote: ${operatorReason}`
      )
  }
}

function rejectedText(
  language: Language,
  day: string,
  operatorReason: string,
): string {
  switch (language) {
    case 'zh':
      return (
        `您的申诉已于${day}被驳回。` + `工作人员说明：${operatorReason}`
      )
    case 'en':
      return (
        `Your appeal was rejected on ${day}. The operator wrote: ` +
        operatorReason
      )
  }
}
