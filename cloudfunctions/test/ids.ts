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
