export type PhoneResult =
  | { kind: 'ok'; phone: string }
  | { kind: 'invalid'; code: 'PHONE_INVALID' }

// A mainland mobile number, optionally behind the country code 86 written
// as +86, 86 or 0086.
const MAINLAND_MOBILE_PATTERN = /^(?:\+86|0086|86)?(1[3-9]\d{9})$/
const E164_PATTERN = /^\+[1-9]\d{6,14}$/

// Parses a phone number into E.164. Full-width characters, spaces, hyphens
// and parentheses are accepted as typed. A bare number must be a mainland
// mobile. Other countries need the leading +.
export function parsePhone(raw: string): PhoneResult {
  const compact = raw.normalize('NFKC').replace(/[\s\-()]/g, '')
  const mainland = MAINLAND_MOBILE_PATTERN.exec(compact)
  if (mainland !== null) return { kind: 'ok', phone: `+86${mainland[1]}` }
  if (E164_PATTERN.test(compact)) return { kind: 'ok', phone: compact }
  return { kind: 'invalid', code: 'PHONE_INVALID' }
}
