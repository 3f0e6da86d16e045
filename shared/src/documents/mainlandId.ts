import { cityDate } from '../time/cityTime'

// Rules of the 18-character citizen identity number (GB 11643-1999):
// 6 digits of region, 8 of birth date (YYYYMMDD), 3 of sequence and an
// ISO 7064 MOD 11-2 check character. Residence permits for Hong Kong, Macau
// and Taiwan residents use the same layout with a fixed region prefix.

export type MainlandIdProblem =
  | 'ID_FORMAT_INVALID'
  | 'ID_REGION_INVALID'
  | 'ID_BIRTH_DATE_INVALID'
  | 'ID_CHECKSUM_INVALID'

export type MainlandIdCheck =
  | { kind: 'ok'; birthDate: string }
  | { kind: 'invalid'; code: MainlandIdProblem }

export const ID_PATTERN = /^\d{17}[\dX]$/
export const LEGACY_ID_PATTERN = /^\d{15}$/

// Birth dates may not be later than today's date in China.
const ID_TIME_ZONE = 'Asia/Shanghai'
const EARLIEST_BIRTH_DATE = '1900-01-01'

// Province-level codes of GB/T 2260 that can open a valid number. Codes are
// never checked against today's full region table, because cards issued
// under codes since retired remain valid.
//   11-15 North: Beijing, Tianjin, Hebei, Shanxi, Inner Mongolia
//   21-23 Northeast: Liaoning, Jilin, Heilongjiang
//   31-37 East: Shanghai, Jiangsu, Zhejiang, Anhui, Fujian, Jiangxi,
//         Shandong
//   41-46 South Central: Henan, Hubei, Hunan, Guangdong, Guangxi, Hainan
//   50-54 Southwest: Chongqing, Sichuan, Guizhou, Yunnan, Tibet
//   61-65 Northwest: Shaanxi, Gansu, Qinghai, Ningxia, Xinjiang
//   71 Taiwan, 81 Hong Kong, 82 Macau (in GB/T 2260)
//   83 Taiwan residents' residence permits (830000, not in GB/T 2260)
const PROVINCE_RANGES: ReadonlyArray<readonly [number, number]> = [
  [11, 15],
  [21, 23],
  [31, 37],
  [41, 46],
  [50, 54],
  [61, 65],
  [71, 71],
  [81, 83],
]

// Weight of position i is 2^(17 - i) mod 11.
const CHECK_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]

// Computes the check character of the first 17 digits.
export function idCheckCharacter(first17: string): string {
  let sum = 0
  for (let i = 0; i < 17; i++) {
    sum += Number(first17[i]) * (CHECK_WEIGHTS[i] ?? 0)
  }
  const check = (12 - (sum % 11)) % 11
  return check === 10 ? 'X' : String(check)
}

// Upgrades a 15-digit number (issued before 1999, everyone born 19YY) to
// the 18-character form: insert the century and append the check character.
export function upgradeLegacyId(legacy: string): string {
  const first17 = `${legacy.slice(0, 6)}19${legacy.slice(6)}`
  return first17 + idCheckCharacter(first17)
}

export function hasPlausibleRegion(number: string): boolean {
  const province = Number(number.slice(0, 2))
  const inRange = PROVINCE_RANGES.some(
    ([low, high]) => province >= low && province <= high,
  )
  return inRange && number.slice(2, 4) !== '00'
}

// Returns the birth date as YYYY-MM-DD, or null when digits 7-14 are not a
// calendar date between 1900-01-01 and today in China.
export function birthDateOf(number: string, today: Date): string | null {
  const year = Number(number.slice(6, 10))
  const month = Number(number.slice(10, 12))
  const day = Number(number.slice(12, 14))
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    return null
  }
  const date = `${number.slice(6, 10)}-${number.slice(10, 12)}-` +
    number.slice(12, 14)
  // ISO dates of equal length compare correctly as strings.
  if (date < EARLIEST_BIRTH_DATE || date > cityDate(today, ID_TIME_ZONE)) {
    return null
  }
  return date
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) {
    const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
    return leap ? 29 : 28
  }
  return [4, 6, 9, 11].includes(month) ? 30 : 31
}

// Checks birth date and check character of an 18-character number whose
// format and region were already accepted.
export function checkDateAndCheckCharacter(
  number: string,
  today: Date,
): MainlandIdCheck {
  const birthDate = birthDateOf(number, today)
  if (birthDate === null) {
    return { kind: 'invalid', code: 'ID_BIRTH_DATE_INVALID' }
  }
  if (idCheckCharacter(number.slice(0, 17)) !== number[17]) {
    return { kind: 'invalid', code: 'ID_CHECKSUM_INVALID' }
  }
  return { kind: 'ok', birthDate }
}

// Checks a normalised 18-character mainland ID in the order format, region,
// birth date, check character.
export function checkMainlandId(number: string, today: Date): MainlandIdCheck {
  if (!ID_PATTERN.test(number)) {
    return { kind: 'invalid', code: 'ID_FORMAT_INVALID' }
  }
  if (!hasPlausibleRegion(number)) {
    return { kind: 'invalid', code: 'ID_REGION_INVALID' }
  }
  return checkDateAndCheckCharacter(number, today)
}
