import type { ParsedDocument } from '../documents/parseDocument'
import type { CityRules, LocalizedText } from './cityRules'

export type Eligibility =
  | { kind: 'eligible' }
  | { kind: 'ineligible'; reason: LocalizedText }
  | { kind: 'document_not_accepted' }

// Fallback for a residents_only city whose file omits the reason, which the
// schema rejects; kept so the function stays total.
const DEFAULT_REASON: LocalizedText = {
  zh: '本市健康码仅向本市居民开放。',
  en: 'This city issues health codes to its own residents only.',
}

// Decides whether a document may register in the city. A residents_only
// city admits only mainland IDs issued under one of its region prefixes.
export function checkEligibility(
  rules: CityRules,
  document: ParsedDocument,
): Eligibility {
  const registration = rules.registration
  if (!registration.acceptedDocuments.includes(document.type)) {
    return { kind: 'document_not_accepted' }
  }
  switch (registration.eligibility) {
    case 'open':
      return { kind: 'eligible' }
    case 'residents_only': {
      const resident =
        document.type === 'mainland_id' &&
        registration.residentRegionPrefixes.some((prefix) =>
          document.number.startsWith(prefix),
        )
      if (resident) return { kind: 'eligible' }
      const reason = registration.ineligibleReason ?? DEFAULT_REASON
      return { kind: 'ineligible', reason }
    }
  }
}
