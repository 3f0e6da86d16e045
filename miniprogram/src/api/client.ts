import { z } from 'zod'
import {
  BusinessResponse,
  CheckinHistory,
  CheckinResponse,
  CityInfo,
  CodeResponse,
  GuardResponse,
  IDEMPOTENCY_KEY_HEADER,
  OtpResponse,
  Problem,
  PublicKeys,
  QuestionnaireView,
  RedemptionsResponse,
  ResidentProfile,
  ResidentStatus,
  TokenResponse,
  Venue,
  VenueList,
  VenueStats,
  VerifyResponse,
  type Answer,
  type BusinessRequest,
  type CheckinRequest,
  type GuardRequest,
  type Language,
  type ManualCheckinRequest,
  type OtpRequest,
  type PosterFormat,
  type QuestionnaireRequest,
  type RedemptionsRequest,
  type RegistrationRequest,
  type StatsQuery,
  type TokenRequest,
  type VenueRequest,
  type VerifyRequest,
} from '../contract'
import {
  headerValue,
  type HttpRequest,
  type Transport,
  type TransportOutcome,
} from './http'

// An RFC 9457 problem details body as the client reads it. The code stays a
// plain string, so a code added by a newer server still reaches the user
// with the server's own title and detail. Extension members are ignored.
export const ProblemBody = Problem.pick({
  title: true,
  detail: true,
  errors: true,
}).extend({ code: z.string() })
export type ProblemBody = z.infer<typeof ProblemBody>

export type ApiFailure =
  | { kind: 'problem'; status: number; problem: ProblemBody }
  | { kind: 'network' }
  // A response that breaks the contract: a body the schema rejects.
  | { kind: 'unexpected'; status: number }

export type ApiResult<T> = { kind: 'ok'; value: T } | ApiFailure

export type ApiClientOptions = {
  // Origin of the API, without a trailing slash; '' for the page's own.
  baseUrl: string
  transport: Transport
  // Read on every request, so a language switch applies at once.
  language: () => Language
  token: () => string | null
}

// Some platforms hand over the body as text when the content type is not
// plain application/json.
function decodeBody(body: unknown): unknown {
  if (typeof body !== 'string') return body
  try {
    return JSON.parse(body) as unknown
  } catch {
    return body
  }
}

// Maps what the transport returned to a result: the parsed body of a 2xx
// response, the problem details of an error response, or a failure.
export function interpretOutcome<S extends z.ZodType>(
  outcome: TransportOutcome,
  schema: S,
): ApiResult<z.output<S>> {
  if (outcome.kind === 'network-error') return { kind: 'network' }
  const { status } = outcome
  const body = decodeBody(outcome.body)
  if (status >= 200 && status < 300) {
    const parsed = schema.safeParse(body)
    return parsed.success
      ? { kind: 'ok', value: parsed.data }
      : { kind: 'unexpected', status }
  }
  const problem = ProblemBody.safeParse(body)
  return problem.success
    ? { kind: 'problem', status, problem: problem.data }
    : { kind: 'unexpected', status }
}

export type DatedKeys = {
  keys: PublicKeys
  // The HTTP Date header of the response, when the platform exposed it.
  serverDate: string | null
}

// A request the platform sends itself, such as a file download, with the
// headers the client would send.
export type SignedRequest = {
  url: string
  headers: Readonly<Record<string, string>>
}

const POSTER_MEDIA_TYPES: Readonly<Record<PosterFormat, string>> = {
  pdf: 'application/pdf',
  png: 'image/png',
}

const venuePath = (id: string) => `/v1/venues/${encodeURIComponent(id)}`

// Creates the typed client of the API routes the app uses.
export function createApiClient(options: ApiClientOptions) {
  const baseHeaders = (): Record<string, string> => {
    const headers: Record<string, string> = {
      Accept: 'application/json, application/problem+json',
      'Accept-Language': options.language(),
    }
    const token = options.token()
    if (token !== null) headers.Authorization = `Bearer ${token}`
    return headers
  }

  const send = (
    method: HttpRequest['method'],
    path: string,
    body?: unknown,
    extraHeaders: Readonly<Record<string, string>> = {},
  ): Promise<TransportOutcome> => {
    const headers = { ...baseHeaders(), ...extraHeaders }
    if (body !== undefined) headers['Content-Type'] = 'application/json'
    const url = options.baseUrl + path
    return options.transport({ method, url, headers, body })
  }

  const call = async <S extends z.ZodType>(
    method: HttpRequest['method'],
    path: string,
    schema: S,
    body?: unknown,
    extraHeaders?: Readonly<Record<string, string>>,
  ): Promise<ApiResult<z.output<S>>> =>
    interpretOutcome(await send(method, path, body, extraHeaders), schema)

  // The keys come with the response's Date header, the only server time
  // GET /v1/keys offers.
  const getKeys = async (): Promise<ApiResult<DatedKeys>> => {
    const outcome = await send('GET', '/v1/keys')
    const result = interpretOutcome(outcome, PublicKeys)
    if (result.kind !== 'ok') return result
    const serverDate =
      outcome.kind === 'response' ? headerValue(outcome.headers, 'date') : null
    return { kind: 'ok', value: { keys: result.value, serverDate } }
  }

  // A download the platform sends itself, with the client's headers and
  // `accept` as the media type wanted.
  const signedRequest = (path: string, accept: string): SignedRequest => ({
    url: options.baseUrl + path,
    headers: {
      ...baseHeaders(),
      Accept: `${accept}, application/problem+json`,
    },
  })

  return {
    // Any route with its response schema. The resident and operator
    // subpackages build their routes on it, so their schemas stay out of
    // the main package.
    request: call,
    signedRequest,
    getCity: () => call('GET', '/v1/city', CityInfo),
    getKeys,
    requestOtp: (request: OtpRequest) =>
      call('POST', '/v1/auth/otp', OtpResponse, request),
    requestToken: (request: TokenRequest) =>
      call('POST', '/v1/auth/token', TokenResponse, request),
    refreshSession: () => call('POST', '/v1/auth/refresh', TokenResponse),
    register: (request: RegistrationRequest) =>
      call('POST', '/v1/residents', ResidentProfile, request),
    getProfile: () => call('GET', '/v1/residents/me', ResidentProfile),
    getQuestionnaire: () =>
      call('GET', '/v1/questionnaire', QuestionnaireView),
    submitAnswers: (answers: Record<string, Answer>) => {
      const request: QuestionnaireRequest = { answers }
      return call(
        'POST',
        '/v1/residents/me/questionnaire',
        ResidentStatus,
        request,
      )
    },
    getStatus: () => call('GET', '/v1/residents/me/status', ResidentStatus),
    getCode: () => call('GET', '/v1/residents/me/code', CodeResponse),
    // The same key on a retry returns the first check-in instead of making
    // a second one.
    checkin: (request: CheckinRequest, idempotencyKey: string) =>
      call('POST', '/v1/checkins', CheckinResponse, request, {
        [IDEMPOTENCY_KEY_HEADER]: idempotencyKey,
      }),
    getCheckins: () =>
      call('GET', '/v1/residents/me/checkins', CheckinHistory),
    registerBusiness: (request: BusinessRequest) =>
      call('POST', '/v1/businesses', BusinessResponse, request),
    createVenue: (request: VenueRequest) =>
      call('POST', '/v1/venues', Venue, request),
    listVenues: () => call('GET', '/v1/venues', VenueList),
    getVenue: (id: string) => call('GET', venuePath(id), Venue),
    rotateVenueCode: (id: string) =>
      call('POST', `${venuePath(id)}/rotate`, Venue),
    addGuard: (id: string, request: GuardRequest) =>
      call('POST', `${venuePath(id)}/guards`, GuardResponse, request),
    getVenueStats: (id: string, query: StatsQuery) => {
      const search = `from=${query.from}&to=${query.to}`
      return call('GET', `${venuePath(id)}/stats?${search}`, VenueStats)
    },
    posterRequest: (id: string, format: PosterFormat): SignedRequest =>
      signedRequest(
        `${venuePath(id)}/poster?format=${format}`,
        POSTER_MEDIA_TYPES[format],
      ),
    verify: (request: VerifyRequest) =>
      call('POST', '/v1/checkpoint/verify', VerifyResponse, request),
    manualCheckin: (request: ManualCheckinRequest) =>
      call('POST', '/v1/checkpoint/manual', VerifyResponse, request),
    redeem: (request: RedemptionsRequest) =>
      call(
        'POST',
        '/v1/checkpoint/redemptions',
        RedemptionsResponse,
        request,
      ),
  }
}

export type ApiClient = ReturnType<typeof createApiClient>
