// The kind of record behind a reason, read from the prefix of its rule id
// (`exposure.risk_venue`, `questionnaire.travel`, ...). The app titles
// each reason by kind, and explains household reasons in more words.
export type ReasonKind =
  | 'questionnaire'
  | 'exposure_case'
  | 'risk_venue'
  | 'own_case'
  | 'household'
  | 'override'
  | 'other'

const EXACT_RULES: Readonly<Record<string, ReasonKind>> = {
  'exposure.confirmed_case': 'exposure_case',
  'exposure.suspected_case': 'exposure_case',
  'exposure.risk_venue': 'risk_venue',
  'case.confirmed': 'own_case',
  'case.suspected': 'own_case',
}

const PREFIX_KINDS: ReadonlyArray<[string, ReasonKind]> = [
  ['questionnaire.', 'questionnaire'],
  ['household.', 'household'],
  ['override.', 'override'],
]

// Returns the kind of a rule id. Rules a newer server adds fall under
// `other`, and the reason text from the server still describes them.
export function reasonKind(rule: string): ReasonKind {
  const exact = EXACT_RULES[rule]
  if (exact !== undefined) return exact
  const prefixed = PREFIX_KINDS.find(([prefix]) => rule.startsWith(prefix))
  return prefixed?.[1] ?? 'other'
}
