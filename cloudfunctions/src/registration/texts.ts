import type { Language } from '@healthcode/shared'

// NOTE: shared `fieldText` has no message for this code yet, so the text
// lives here until it moves there.
const PHONE_MISMATCH: Readonly<Record<Language, string>> = {
  zh: '手机号：必须与登录时使用的手机号一致。请填写登录手机号。',
  en:
    'Phone number: must be the number you signed in with. Enter that ' +
    'number.',
}

export function phoneMismatchText(language: Language): string {
  return PHONE_MISMATCH[language]
}
