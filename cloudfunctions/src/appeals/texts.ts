import type { Language } from '@healthcode/shared'
import type { FieldError } from '../http/types'

// Field messages of the appeal checks. Shared `fieldText` has no entries
// for these codes, so the texts live here.

type RulesCode = 'rule_not_current' | 'rule_not_appealed'

const RULES_TEXT: Readonly<
  Record<RulesCode, Readonly<Record<Language, (rules: string) => string>>>
> = {
  rule_not_current: {
    zh: (rules) =>
      `申诉的原因：${rules} 不是当前健康码的原因。` +
      '请只选择当前显示的原因。',
    en: (rules) =>
      `Rules: ${rules} are not among the current reasons. Choose only ` +
      'reasons the code shows now.',
  },
  rule_not_appealed: {
    zh: (rules) =>
      `原因：${rules} 不在此申诉的范围内。` + '请只选择申诉人申诉的原因。',
    en: (rules) =>
      `Rules: ${rules} were not appealed. Choose only rules of the appeal.`,
  },
}

export function invalidRulesError(
  code: RulesCode,
  rules: readonly string[],
  language: Language,
): FieldError {
  return {
    field: 'rules',
    code,
    message: RULES_TEXT[code][language](rules.join(', ')),
  }
}
