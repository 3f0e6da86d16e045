import type { DocumentInput, DocumentType } from '../api/schemas'
import type { ProblemCode } from '../api/problems'
import countryCodes from './countries.json'
import {
  checkDateAndCheckCharacter,
  checkMainlandId,
  ID_PATTERN,
  LEGACY_ID_PATTERN,
  upgradeLegacyId,
} from './mainlandId'
import { normalizeDocumentNumber } from './normalize'

export type ParsedDocument = {
  type: DocumentType
  number: string
  // ISO 3166-1 alpha-3 code of the issuing country, for passports only.
  country: string | null
  // YYYY-MM-DD, for mainland IDs and residence permits only.
  birthDate: string | null
  // True when a 15-digit mainland ID was upgraded to 18 characters.
  upgradedFromLegacy: boolean
}

export type DocumentField =
  | 'document.number'
  | 'document.country'
  | 'document.type'

export type DocumentResult =
  | { kind: 'ok'; document: ParsedDocument }
  | { kind: 'invalid'; field: DocumentField; code: ProblemCode }

// Region prefixes of residence permits for Hong Kong (810000), Macau
// (820000) and Taiwan (830000) residents.
const PERMIT_PREFIXES = ['810000', '820000', '830000']

// NOTE: these are the ISO 3166-1 codes. Some passports print another code
// in the machine-readable zone (Germany prints `D`), and codes outside
// ISO 3166-1 (Kosovo's XKX, UN travel documents) are rejected.
const COUNTRIES: ReadonlySet<string> = new Set(countryCodes)

const HK_MACAU_PERMIT_PATTERN = /^[HM](?:\d{8}|\d{10})$/
const TAIWAN_PERMIT_PATTERN = /^(?:\d{8}|\d{10})$/
const PASSPORT_NUMBER_PATTERN = /^[A-Z0-9]{5,20}$/

// Parses and validates a document as entered at registration. `today` is
// the upper bound for birth dates.
export function parseDocument(
  input: DocumentInput,
  today: Date,
): DocumentResult {
  const number = normalizeDocumentNumber(input.number)
  switch (input.type) {
    case 'mainland_id':
      return parseMainlandId(number, today)
    case 'residence_permit':
      return parseResidencePermit(number, today)
    case 'hk_macau_permit':
      return parseTravelPermit(input.type, number, HK_MACAU_PERMIT_PATTERN)
    case 'taiwan_permit':
      return parseTravelPermit(input.type, number, TAIWAN_PERMIT_PATTERN)
    case 'passport':
      return parsePassport(number, input.country)
  }
}

// Returns the uniqueness key of a document. Type and issuing country are
// part of it, because different countries may issue the same number.
export function identityKey(document: ParsedDocument): string {
  return `${document.type}|${document.country ?? ''}|${document.number}`
}

function invalidNumber(code: ProblemCode): DocumentResult {
  return { kind: 'invalid', field: 'document.number', code }
}

function hasPermitPrefix(number: string): boolean {
  return PERMIT_PREFIXES.some((prefix) => number.startsWith(prefix))
}

function parseMainlandId(entered: string, today: Date): DocumentResult {
  const upgradedFromLegacy = LEGACY_ID_PATTERN.test(entered)
  // Residence permits were first issued in 2018, always with 18 characters.
  if (upgradedFromLegacy && hasPermitPrefix(entered)) {
    return invalidNumber('ID_LEGACY_UNSUPPORTED')
  }
  const number = upgradedFromLegacy ? upgradeLegacyId(entered) : entered
  // A permit entered as a mainland ID is stored as a permit, so one person
  // cannot register twice under the two types.
  if (ID_PATTERN.test(number) && hasPermitPrefix(number)) {
    return parseResidencePermit(number, today)
  }
  const check = checkMainlandId(number, today)
  if (check.kind === 'invalid') return invalidNumber(check.code)
  return ok('mainland_id', number, check.birthDate, upgradedFromLegacy)
}

function parseResidencePermit(number: string, today: Date): DocumentResult {
  if (!ID_PATTERN.test(number)) return invalidNumber('ID_FORMAT_INVALID')
  if (!hasPermitPrefix(number)) return invalidNumber('PERMIT_PREFIX_INVALID')
  const check = checkDateAndCheckCharacter(number, today)
  if (check.kind === 'invalid') return invalidNumber(check.code)
  return ok('residence_permit', number, check.birthDate, false)
}

function parseTravelPermit(
  type: 'hk_macau_permit' | 'taiwan_permit',
  number: string,
  pattern: RegExp,
): DocumentResult {
  if (!pattern.test(number)) return invalidNumber('TRAVEL_PERMIT_INVALID')
  return ok(type, number, null, false)
}

function parsePassport(
  entered: string,
  rawCountry: string | undefined,
): DocumentResult {
  const country = (rawCountry ?? '')
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .toUpperCase()
  if (!COUNTRIES.has(country)) {
    return {
      kind: 'invalid',
      field: 'document.country',
      code: 'PASSPORT_COUNTRY_INVALID',
    }
  }
  const number = entered.replace(/-/g, '')
  if (!PASSPORT_NUMBER_PATTERN.test(number)) {
    return invalidNumber('PASSPORT_NUMBER_INVALID')
  }
  return {
    kind: 'ok',
    document: {
      type: 'passport',
      number,
      country,
      birthDate: null,
      upgradedFromLegacy: false,
    },
  }
}

function ok(
  type: Exclude<DocumentType, 'passport'>,
  number: string,
  birthDate: string | null,
  upgradedFromLegacy: boolean,
): DocumentResult {
  return {
    kind: 'ok',
    document: { type, number, country: null, birthDate, upgradedFromLegacy },
  }
}
