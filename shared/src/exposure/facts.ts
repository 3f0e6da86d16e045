import type { RiskColor } from '../cities/cityRules'
import type { Exposure } from './match'
import type { CaseKind } from './windows'

// An exposure as a fact about the exposed resident. It keeps what the
// reason text needs and nothing that identifies the case.
export type ExposureFact = {
  color: RiskColor
  // Overlap of the resident's visit with the risk window. Its start is the
  // time of exposure, from whose city day the color is counted.
  start: Date
  end: Date
  window: { start: Date; end: Date }
  venueName: string
  cause: { kind: 'case'; caseKind: CaseKind } | { kind: 'venue' }
  // When the exposure was found. Evaluations before this ignore it.
  foundAt: Date
}

// The resident is a reported case.
export type CaseFact = {
  kind: CaseKind
  onset: Date
  reportedAt: Date
}

// Turns a matched exposure into a fact of the exposed resident.
export function exposureFact(
  exposure: Exposure,
  venueName: string,
  foundAt: Date,
): ExposureFact {
  const source = exposure.window.source
  return {
    color: exposure.color,
    start: exposure.start,
    end: exposure.end,
    window: { start: exposure.window.start, end: exposure.window.end },
    venueName,
    cause:
      source.kind === 'case'
        ? { kind: 'case', caseKind: source.caseKind }
        : { kind: 'venue' },
    foundAt,
  }
}
