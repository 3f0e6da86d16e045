import { z } from 'zod'
import { Color, DocumentType } from '../api/schemas'
import { VenueType } from '../api/venues'

// Rules of one city, read from cities/<id>.json. Every rating records the
// `version` of the rules it was computed with.

export const LocalizedText = z
  .object({ zh: z.string().min(1), en: z.string().min(1) })
  .strict()
export type LocalizedText = z.infer<typeof LocalizedText>

export const RiskColor = z.enum(['yellow', 'red'])
export type RiskColor = z.infer<typeof RiskColor>

export const Risk = z
  .object({ color: RiskColor, reason: LocalizedText })
  .strict()
export type Risk = z.infer<typeof Risk>

// The option value that means "none of the above" in a multiple-choice
// question. It may not be combined with other options.
export const NONE_OPTION = 'none'

const Identifier = z.string().regex(/^[a-z][a-z0-9_]*$/)

export const QuestionOption = z
  .object({ value: Identifier, label: LocalizedText, risk: Risk.optional() })
  .strict()
export type QuestionOption = z.infer<typeof QuestionOption>

const uniqueOptionValues = (options: QuestionOption[]): boolean =>
  new Set(options.map((option) => option.value)).size === options.length

const noRiskOnNone = (options: QuestionOption[]): boolean =>
  options.every((option) => option.value !== NONE_OPTION || !option.risk)

const Options = z
  .array(QuestionOption)
  .min(2)
  .refine(uniqueOptionValues, 'option values must be unique')
  .refine(noRiskOnNone, `the "${NONE_OPTION}" option cannot carry a risk`)

export const BooleanQuestion = z
  .object({
    id: Identifier,
    kind: z.literal('boolean'),
    label: LocalizedText,
    // Applies when the answer is true.
    risk: Risk.optional(),
  })
  .strict()

export const SingleQuestion = z
  .object({
    id: Identifier,
    kind: z.literal('single'),
    label: LocalizedText,
    options: Options,
  })
  .strict()

export const MultipleQuestion = z
  .object({
    id: Identifier,
    kind: z.literal('multiple'),
    label: LocalizedText,
    options: Options,
  })
  .strict()

export const Question = z.discriminatedUnion('kind', [
  BooleanQuestion,
  SingleQuestion,
  MultipleQuestion,
])
export type Question = z.infer<typeof Question>

const PositiveInt = z.number().int().positive()

function isTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone })
    return true
  } catch {
    return false
  }
}

export const Registration = z
  .object({
    eligibility: z.enum(['open', 'residents_only']),
    // Leading digits of mainland ID numbers issued in the city, used when
    // eligibility is residents_only (`31` for Shanghai).
    residentRegionPrefixes: z.array(z.string().regex(/^\d{2,6}$/)),
    acceptedDocuments: z.array(DocumentType).min(1),
    // Shown to people who are turned away; required for residents_only.
    ineligibleReason: LocalizedText.optional(),
  })
  .strict()
  .refine(
    (registration) =>
      new Set(registration.acceptedDocuments).size ===
      registration.acceptedDocuments.length,
    'acceptedDocuments must not repeat a type',
  )
  .refine(
    (registration) =>
      registration.eligibility === 'open' ||
      (registration.residentRegionPrefixes.length > 0 &&
        registration.acceptedDocuments.includes('mainland_id') &&
        registration.ineligibleReason !== undefined),
    'residents_only needs residentRegionPrefixes, mainland_id among ' +
      'acceptedDocuments and an ineligibleReason',
  )

export const CheckinRules = z
  .object({
    // Scanning the same venue again within this time returns the first
    // check-in. A visit without check-out is taken to last this long when
    // exposures are matched.
    defaultStayMinutes: PositiveInt,
    // Lifetime of the one-time pass a check-in returns.
    passSeconds: PositiveInt.default(60),
    // Leaves the color off the pass screen; the token still carries it.
    hideColorOnPass: z.boolean(),
    // Two check-ins farther apart than this speed allows are flagged
    // implausible_travel.
    maxSpeedKmh: PositiveInt,
    // Largest difference between a client or device clock and server time
    // that is not flagged (check-ins) or reported as CLOCK_WRONG (guards).
    clockSkewSeconds: PositiveInt,
  })
  .strict()
export type CheckinRules = z.infer<typeof CheckinRules>

const unique = <T>(values: readonly T[]): boolean =>
  new Set(values).size === values.length

export const CheckpointRules = z
  .object({
    // Every venue of the city must take temperatures.
    temperatureRequired: z.boolean(),
    // Degrees Celsius at or above which a reading is a fever.
    feverCelsius: z.number().min(36).max(40),
    denyColors: z
      .array(Color)
      .refine(unique, 'denyColors must not repeat a color')
      .refine(
        (colors) => !colors.includes('green'),
        'denyColors must not contain green',
      ),
    // Venue types that may show guards the masked document number, to
    // compare it with the card. Others collect no more than the code.
    recordDocumentVenueTypes: z
      .array(VenueType)
      .refine(unique, 'recordDocumentVenueTypes must not repeat a type'),
  })
  .strict()
export type CheckpointRules = z.infer<typeof CheckpointRules>

// Settings that turn a reported case's check-ins into risk windows and
// set the overlap another visit needs to be an exposure. A visit without
// check-out lasts checkin.defaultStayMinutes.
export const ExposureRules = z
  .object({
    // Visits count from the start of this many calendar days before the
    // day of symptom onset, or of the sample for a case without symptoms.
    infectiousDaysBeforeOnset: z.number().int().nonnegative(),
    // Time after a case left a venue that still counts as being there.
    bufferMinutes: z.number().int().nonnegative(),
    // Overlap with a risk window needed for each color, in minutes.
    minOverlapMinutes: z
      .object({ yellow: PositiveInt, red: PositiveInt })
      .strict()
      .refine(
        (minimum) => minimum.red >= minimum.yellow,
        'minOverlapMinutes.red must not be below minOverlapMinutes.yellow',
      ),
    // Highest color a contact of each kind of case can get. Red needs the
    // red overlap, otherwise the contact gets yellow.
    contactColor: z
      .object({ confirmed: RiskColor, suspected: RiskColor })
      .strict(),
    // Color of the case's own code.
    caseColor: z
      .object({ confirmed: RiskColor, suspected: RiskColor })
      .strict(),
  })
  .strict()
export type ExposureRules = z.infer<typeof ExposureRules>

export const HouseholdRules = z
  .object({
    // Dependents (children, older relatives without a phone) one account
    // may add.
    maxDependents: z.number().int().nonnegative(),
    // Color given to the other members of a case's household.
    coResidentsOfCase: z.enum(['none', 'yellow', 'red']),
  })
  .strict()
export type HouseholdRules = z.infer<typeof HouseholdRules>

export const CityRules = z
  .object({
    id: Identifier,
    version: z.string().regex(/^\d{4}-\d{2}-\d{2}\.\d+$/),
    name: LocalizedText,
    timeZone: z.string().refine(isTimeZone, 'unknown IANA time zone'),
    registration: Registration,
    questionnaire: z
      .object({
        questions: z
          .array(Question)
          .min(1)
          .refine(
            (questions) =>
              new Set(questions.map((question) => question.id)).size ===
              questions.length,
            'question ids must be unique',
          ),
      })
      .strict(),
    // How long a code keeps each color after the day of the risk, in days.
    colors: z
      .object({
        yellow: z.object({ days: PositiveInt }).strict(),
        red: z.object({ days: PositiveInt }).strict(),
      })
      .strict(),
    codes: z
      .object({
        // Lifetime of a signed personal code.
        personalCodeSeconds: PositiveInt,
        // How often the client fetches a fresh code.
        refreshSeconds: PositiveInt,
      })
      .strict()
      .refine(
        (codes) => codes.refreshSeconds < codes.personalCodeSeconds,
        'refreshSeconds must be shorter than personalCodeSeconds',
      ),
    session: z.object({ hours: PositiveInt }).strict(),
    otp: z
      .object({
        // Lifetime of a one-time code.
        seconds: PositiveInt,
        // Wrong entries allowed before the code is void.
        maxAttempts: PositiveInt,
        // Wait before another code may be sent to the same phone.
        resendSeconds: PositiveInt,
        // Codes sent to one phone per rolling hour.
        maxPerHour: PositiveInt,
      })
      .strict(),
    retention: z.object({ checkinDays: PositiveInt }).strict(),
    checkin: CheckinRules,
    checkpoint: CheckpointRules,
    venueCodes: z
      .object({
        // How long a replaced venue code keeps working after a rotation,
        // so people can still check in while the new poster goes up.
        rotationGraceHours: z.number().int().nonnegative(),
      })
      .strict(),
    exposure: ExposureRules,
    households: HouseholdRules,
  })
  .strict()
export type CityRules = z.infer<typeof CityRules>
