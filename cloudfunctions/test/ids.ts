// Builds valid mainland ID numbers for tests, with the ISO 7064 MOD 11-2
// check character computed here rather than by the code under test.
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]

export function mainlandId(region: string, birthDate: string, sequence: string) {
  const first17 = `${region}${birthDate}${sequence}`
  if (!/^\d{17}$/.test(first17)) throw new Error(`Invalid ID parts, expected 17 digits: ${first17}`)
  let sum = 0
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (WEIGHTS[i] ?? 0)
  const check = (12 - (sum % 11)) % 11
  return first17 + (check === 10 ? 'X' : String(check))
}

let sequence = 100

/** Returns a valid ID number not returned before in this test file. */
export function nextMainlandId(region = '330106', birthDate = '19900307') {
  sequence += 1
  return mainlandId(region, birthDate, String(sequence))
}

let phones = 0

/** Returns a mainland mobile number not used before in this test file. */
export function nextPhone(prefix = '137'): { raw: string; e164: string } {
  phones += 1
  const digits = `${prefix}${String(phones).padStart(8, '0')}`
  return { raw: digits, e164: `+86${digits}` }
}

// Builds unified social credit codes for tests, with the GB 32100-2015
// check character computed here rather than by the code under test.
const CREDIT_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY'
const CREDIT_WEIGHTS = [
  1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28,
]

export function creditCode(first17: string): string {
  let sum = 0
  for (let i = 0; i < 17; i++) {
    sum += CREDIT_ALPHABET.indexOf(first17[i] ?? '') * (CREDIT_WEIGHTS[i] ?? 0)
  }
  return first17 + CREDIT_ALPHABET[(31 - (sum % 31)) % 31]
}

let businesses = 0

/** Returns a valid credit code not returned before in this test file. */
export function nextCreditCode(): string {
  businesses += 1
  return creditCode(`91330106MA${String(businesses).padStart(7, '0')}`)
}
