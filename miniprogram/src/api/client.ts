import { z } from 'zod'
import {
  CityInfo,
  CodeResponse,
  OtpResponse,
  Problem,
  QuestionnaireView,
  ResidentProfile,
  ResidentStatus,
  TokenResponse,
  type Answer,
  type Language,
  type OtpRequest,
  type QuestionnaireRequest,
  type RegistrationRequest,
  type TokenRequest,
} from '../contract'
import type { HttpRequest, Transport, TransportOutcome } from './http'

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

// Creates the typed client of the routes the resident app uses.
export function createApiClient(options: ApiClientOptions) {
  const call = async <S extends z.ZodType>(
    method: HttpRequest['method'],
    path: string,
    schema: S,
    body?: unknown,
  ): Promise<ApiResult<z.output<S>>> => {
    const headers: Record<string, string> = {
      Accept: 'application/json, application/problem+json',
      'Accept-Language': options.language(),
    }
    const token = options.token()
    if (token !== null) headers.Authorization = `Bearer ${token}`
    if (body !== undefined) headers['Content-Type'] = 'application/json'
    const url = options.baseUrl + path
    const outcome = await options.transport({ method, url, headers, body })
    return interpretOutcome(outcome, schema)
  }

  return {
    getCity: () => call('GET', '/v1/city', CityInfo),
    requestOtp: (request: OtpRequest) =>
      call('POST', '/v1/auth/otp', OtpResponse, request),
    requestToken: (request: TokenRequest) =>
      call('POST', '/v1/auth/token', TokenResponse, request),
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
  }
}

export type ApiClient = ReturnType<typeof createApiClient>
