import type { Language } from '@healthcode/shared'

// Field message of the invitation check. Shared `fieldText` has no entry
// for this code, so the text lives here.

const OWN_PHONE: Readonly<Record<Language, string>> = {
  zh: '手机号：不能邀请自己。请填写要邀请的家庭成员的手机号。',
  en:
    'Phone number: this is your own number. Enter the number of the ' +
    'household member you want to invite.',
}

export function ownPhoneText(language: Language): string {
  return OWN_PHONE[language]
}
