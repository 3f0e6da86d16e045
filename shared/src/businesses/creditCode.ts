// Unified social credit codes (统一社会信用代码) as GB 32100-2015 defines
// them: 18 characters from a 31-character alphabet, the last a check
// character computed from the first 17.

// The alphabet in value order: digits, then capital letters without I, O,
// S, V and Z, which are easily confused with digits.
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY'
const MODULUS = ALPHABET.length
const LENGTH = 18

// Weight of position i (from 0) is 3^i mod 31.
const WEIGHTS = Array.from({ length: LENGTH - 1 }, (_, index) => {
  let weight = 1
  for (let step = 0; step < index; step++) weight = (weight * 3) % MODULUS
  return weight
})

const FORMAT = new RegExp(`^[${ALPHABET}]{${LENGTH}}$`)

export type CreditCodeResult =
  | { kind: 'ok'; creditCode: string }
  | {
      kind: 'invalid'
      code: 'CREDIT_CODE_FORMAT_INVALID' | 'CREDIT_CODE_CHECKSUM_INVALID'
    }

/** Computes the check character of the first 17 characters of a code. */
export function creditCodeCheckCharacter(first17: string): string {
  let sum = 0
  for (let index = 0; index < LENGTH - 1; index++) {
    const value = ALPHABET.indexOf(first17[index] ?? '')
    if (value < 0) {
      throw new Error(`Not a credit code character at position ${index + 1}`)
    }
    sum += value * (WEIGHTS[index] ?? 0)
  }
  const check = (MODULUS - (sum % MODULUS)) % MODULUS
  return ALPHABET[check] ?? ''
}

/**
 * Normalizes and checks a unified social credit code. Full-width
 * characters, spaces, hyphens and lower case, as people type them, are
 * accepted.
 * NOTE: the organization code inside (positions 9 to 17) carries its own
 * GB 11714 check digit, which is not checked here.
 */
export function parseCreditCode(input: string): CreditCodeResult {
  const code = input.normalize('NFKC').replace(/[\s-]/g, '').toUpperCase()
  if (!FORMAT.test(code)) {
    return { kind: 'invalid', code: 'CREDIT_CODE_FORMAT_INVALID' }
  }
  if (creditCodeCheckCharacter(code) !== code[LENGTH - 1]) {
    return { kind: 'invalid', code: 'CREDIT_CODE_CHECKSUM_INVALID' }
  }
  return { kind: 'ok', creditCode: code }
}
