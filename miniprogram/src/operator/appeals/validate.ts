import type { LocalInvalid } from '../../api/failure'
import {
  MAX_DECISION_REASON_LENGTH,
  type AppealDecisionRequest,
} from '../contract'

export type ValidatedDecision = { kind: 'ok'; request: AppealDecisionRequest }

// Checks a decision on an appeal: the resident reads the reason, so it is
// required, and it has at most 500 characters (code points).
export function validateDecision(
  decision: AppealDecisionRequest['decision'],
  reasonText: string,
): ValidatedDecision | LocalInvalid {
  const reason = reasonText.trim()
  if (reason === '') {
    return { kind: 'invalid', fields: [{ field: 'reason', code: 'required' }] }
  }
  if ([...reason].length > MAX_DECISION_REASON_LENGTH) {
    return { kind: 'invalid', fields: [{ field: 'reason', code: 'too_long' }] }
  }
  return { kind: 'ok', request: { decision, reason } }
}
