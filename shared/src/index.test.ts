import { describe, expect, it } from 'vitest'
import * as shared from './index'

// Other workspaces import these names, so a rename must fail here first.
const FUNCTIONS = [
  'normalizeDocumentNumber',
  'parseDocument',
  'identityKey',
  'parsePhone',
  'parseName',
  'maskName',
  'maskDocument',
  'cityDate',
  'startOfCityDay',
  'addCityDays',
  'loadCityRules',
  'checkEligibility',
  'validateAnswers',
  'evaluate',
  'questionnaireView',
  'localizeReason',
  'ratingToStatus',
  'generateKeyPair',
  'publicKeyOf',
  'signToken',
  'verifyToken',
  'verifyCodeToken',
  'verifySessionToken',
  'pickLanguage',
  'problemText',
  'fieldText',
  'verdictText',
  'parseCreditCode',
  'parseVenueCode',
  'venueCodeText',
  'venueCodeSigningInput',
  'checkToken',
  'checkTemperature',
  'checkVenuePolicy',
  'guardPolicyOf',
  'verdictOf',
] as const

const SCHEMAS = [
  'CityRules',
  'CodeClaims',
  'SessionClaims',
  'TokenType',
  'ProblemCode',
  'Problem',
  'FieldProblem',
  'DocumentInput',
  'RegistrationRequest',
  'ResidentStatus',
  'QuestionnaireView',
  'BusinessRequest',
  'BusinessResponse',
  'VenueRequest',
  'Venue',
  'VenueList',
  'GuardRequest',
  'GuardResponse',
  'VenueStats',
  'StatsQuery',
  'CheckinRequest',
  'CheckinResponse',
  'CheckinHistory',
  'IdempotencyKey',
  'VerdictCode',
  'VerifyRequest',
  'VerifyResponse',
  'ManualCheckinRequest',
  'RedemptionsRequest',
  'RedemptionsResponse',
] as const

describe('public API', () => {
  it.each(FUNCTIONS)('exports the function %s', (name) => {
    expect(typeof shared[name]).toBe('function')
  })

  it.each(SCHEMAS)('exports the zod schema %s', (name) => {
    expect(typeof shared[name].safeParse).toBe('function')
  })

  it('exports the city ids', () => {
    expect(shared.cityIds).toEqual(['hangzhou', 'shanghai'])
  })
})
