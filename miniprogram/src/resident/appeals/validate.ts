import type { LocalInvalid } from '../../api/failure'
import { MAX_APPEAL_MESSAGE_LENGTH, type AppealRequest } from '../contract'

export type AppealForm = {
  message: string
  // Rules of the current reasons the resident contests.
  rules: readonly string[]
  // The dependent appealed for, or null for the resident.
  residentId: string | null
}

export type ValidatedAppeal = { kind: 'ok'; request: AppealRequest }

// Counts code points, as the API does, so an emoji counts once.
export function textLength(text: string): number {
  return [...text].length
}

// Checks an appeal before sending: a message of 1 to 1,000 characters and
// at least one reason. The API repeats both checks.
export function validateAppeal(
  form: AppealForm,
): ValidatedAppeal | LocalInvalid {
  const fields: { field: string; code: string }[] = []
  const message = form.message.trim()
  if (message === '') fields.push({ field: 'message', code: 'required' })
  else if (textLength(message) > MAX_APPEAL_MESSAGE_LENGTH) {
    fields.push({ field: 'message', code: 'too_long' })
  }
  if (form.rules.length === 0) {
    fields.push({ field: 'rules', code: 'none_selected' })
  }
  if (fields.length > 0) return { kind: 'invalid', fields }
  return {
    kind: 'ok',
    request: {
      message,
      rules: [...new Set(form.rules)],
      ...(form.residentId === null ? {} : { residentId: form.residentId }),
    },
  }
}

// Groups reasons by rule, since an appeal names each rule once. The
// groups keep the order of the first reason of each rule.
export function ruleGroups<R extends { rule: string }>(
  reasons: readonly R[],
): { rule: string; reasons: R[] }[] {
  const groups = new Map<string, R[]>()
  for (const reason of reasons) {
    const group = groups.get(reason.rule)
    if (group === undefined) groups.set(reason.rule, [reason])
    else group.push(reason)
  }
  return [...groups].map(([rule, grouped]) => ({ rule, reasons: grouped }))
}
