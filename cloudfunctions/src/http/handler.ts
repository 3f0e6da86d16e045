import type { Logger } from '@aws-lambda-powertools/logger'
import { pickLanguage, type Language } from '@healthcode/shared'
import { problemResponse } from './problems'
import type {
  Authenticate,
  Clock,
  HttpEvent,
  HttpResult,
  ProblemSpec,
  Reply,
  Route,
  Session,
} from './types'
import { validateBody } from './validation'

// Bodies of this API are small JSON objects. The limit bounds parsing work
// and the size of anything a caller can make us store.
export const MAX_BODY_BYTES = 16 * 1024

export type AppLogger = Pick<Logger, 'info' | 'warn' | 'error'>

export type HttpHandlerOptions = {
  routes: readonly Route[]
  authenticate: Authenticate
  clock: Clock
  logger: AppLogger
}

export type HttpHandler = (event: HttpEvent) => Promise<HttpResult>

type Step<T> = { kind: 'ok'; value: T } | { kind: 'problem'; spec: ProblemSpec }

/**
 * Creates the Lambda handler for API Gateway HTTP API (payload 2.0) events
 * of a group of routes. Expected outcomes come back as values from the
 * routes. Anything thrown is a defect: it becomes a plain 500 INTERNAL and
 * one log line with ids only.
 */
export function createHttpHandler(options: HttpHandlerOptions): HttpHandler {
  return async (event) => {
    const language = pickLanguage(header(event, 'accept-language'))
    try {
      return await handle(options, event, language)
    } catch (error) {
      logDefect(options.logger, event, error)
      return problemResponse({ code: 'INTERNAL' }, language)
    }
  }
}

async function handle(
  options: HttpHandlerOptions,
  event: HttpEvent,
  language: Language,
): Promise<HttpResult> {
  const found = findRoute(options.routes, event)
  if (found.kind === 'problem') return problemResponse(found.spec, language)
  const { route, params } = found.value
  const now = options.clock.now()

  const session = authorize(route, event, options.authenticate, now)
  if (session.kind === 'problem') return problemResponse(session.spec, language)

  const body = readBody(route, event)
  if (body.kind === 'problem') return problemResponse(body.spec, language)

  const request = {
    body: body.value,
    language,
    now,
    requestId: event.requestContext.requestId,
    params,
    query: queryOf(event),
    headers: headersOf(event),
  }
  const reply =
    route.auth === 'none'
      ? await route.handle(request)
      : await route.handle({ ...request, session: requireSession(session) })
  return toResult(reply, language)
}

function requireSession(step: { value: Session | null }): Session {
  if (step.value === null) {
    throw new Error('A route that requires a session was run without one')
  }
  return step.value
}

function toResult(reply: Reply, language: Language): HttpResult {
  switch (reply.kind) {
    case 'ok':
      return {
        statusCode: reply.status,
        headers: {
          'content-type': 'application/json; charset=utf-8',
          'content-language': language,
          'cache-control': 'no-store',
          ...reply.headers,
        },
        body: JSON.stringify(reply.body),
      }
    case 'binary':
      return {
        statusCode: reply.status,
        headers: {
          'content-type': reply.contentType,
          'cache-control': 'no-store',
          ...reply.headers,
        },
        body: Buffer.from(reply.bytes).toString('base64'),
        isBase64Encoded: true,
      }
    case 'problem':
      return problemResponse(reply.problem, language)
  }
}

function headersOf(event: HttpEvent): Record<string, string> {
  const headers: Record<string, string> = {}
  for (const [name, value] of Object.entries(event.headers ?? {})) {
    if (value !== undefined) headers[name.toLowerCase()] = value
  }
  return headers
}

function queryOf(event: HttpEvent): Record<string, string> {
  const query: Record<string, string> = {}
  for (const [name, value] of Object.entries(
    event.queryStringParameters ?? {},
  )) {
    if (value !== undefined) query[name] = value
  }
  return query
}

/** Returns a header's value whatever its case, or undefined. */
export function header(event: HttpEvent, name: string): string | undefined {
  const headers = event.headers ?? {}
  const key = Object.keys(headers).find(
    (candidate) => candidate.toLowerCase() === name,
  )
  return key === undefined ? undefined : headers[key]
}

type RouteMatch = { route: Route; params: Record<string, string> }

// Matches a path against a template, returning the values of its `{name}`
// segments, or null. Segments are compared after percent-decoding, and a
// segment that does not decode matches nothing.
function matchPath(
  template: string,
  path: string,
): Record<string, string> | null {
  const expected = template.split('/')
  const actual = path.split('/')
  if (expected.length !== actual.length) return null
  const params: Record<string, string> = {}
  for (const [index, part] of expected.entries()) {
    const segment = decodeSegment(actual[index] ?? '')
    if (segment === null) return null
    const name = /^\{(\w+)\}$/.exec(part)?.[1]
    if (name === undefined) {
      if (segment !== part) return null
    } else {
      if (segment === '') return null
      params[name] = segment
    }
  }
  return params
}

function decodeSegment(segment: string): string | null {
  try {
    return decodeURIComponent(segment)
  } catch {
    return null
  }
}

function findRoute(
  routes: readonly Route[],
  event: HttpEvent,
): Step<RouteMatch> {
  const method = event.requestContext.http.method.toUpperCase()
  const path = event.rawPath.replace(/\/+$/, '') || '/'
  const samePath = routes.flatMap((route) => {
    const params = matchPath(route.path, path)
    return params === null ? [] : [{ route, params }]
  })
  // A literal segment wins over a template one, so /v1/checkins/{id} and
  // a literal sibling path can coexist.
  samePath.sort(
    (a, b) => templateCount(a.route.path) - templateCount(b.route.path),
  )
  const match = samePath.find(
    (candidate) => candidate.route.method === method,
  )
  if (match !== undefined) return { kind: 'ok', value: match }
  if (samePath.length > 0) {
    const allowedMethods = [
      ...new Set(samePath.map((candidate) => candidate.route.method)),
    ]
    return {
      kind: 'problem',
      spec: { code: 'METHOD_NOT_ALLOWED', allowedMethods },
    }
  }
  return { kind: 'problem', spec: { code: 'NOT_FOUND' } }
}

function templateCount(template: string): number {
  return template.split('/').filter((part) => part.startsWith('{')).length
}

function authorize(
  route: Route,
  event: HttpEvent,
  authenticate: Authenticate,
  now: Date,
): Step<Session | null> {
  if (route.auth === 'none') return { kind: 'ok', value: null }
  const authorization = header(event, 'authorization')
  const match = /^Bearer +(\S+) *$/i.exec(authorization ?? '')
  const token = match?.[1]
  if (token === undefined) {
    return { kind: 'problem', spec: { code: 'AUTH_REQUIRED' } }
  }
  const result = authenticate(token, now)
  switch (result.kind) {
    case 'expired':
      return { kind: 'problem', spec: { code: 'AUTH_TOKEN_EXPIRED' } }
    case 'invalid':
      return { kind: 'problem', spec: { code: 'AUTH_TOKEN_INVALID' } }
    case 'ok':
      const admitted = route.auth.roles.some((role) =>
        result.session.roles.includes(role),
      )
      if (!admitted) {
        return { kind: 'problem', spec: { code: 'FORBIDDEN_ROLE' } }
      }
      return { kind: 'ok', value: result.session }
  }
}

function readBody(route: Route, event: HttpEvent): Step<unknown> {
  if (route.body === null) return { kind: 'ok', value: undefined }
  const raw = rawBody(event)
  const limit = route.bodyLimit ?? {
    bytes: MAX_BODY_BYTES,
    tooLarge: 'BODY_TOO_LARGE',
  }
  if (raw.length > limit.bytes) {
    return { kind: 'problem', spec: { code: limit.tooLarge } }
  }
  if (!isJson(header(event, 'content-type'))) {
    return { kind: 'problem', spec: { code: 'UNSUPPORTED_MEDIA_TYPE' } }
  }
  const json = parseJson(raw)
  if (json.kind === 'problem') return json
  const body = validateBody(route.body, json.value)
  switch (body.kind) {
    case 'ok':
      return { kind: 'ok', value: body.body }
    case 'invalid':
      return {
        kind: 'problem',
        spec: { code: 'VALIDATION_FAILED', errors: body.errors },
      }
  }
}

function rawBody(event: HttpEvent): Buffer {
  const body = event.body ?? ''
  return event.isBase64Encoded
    ? Buffer.from(body, 'base64')
    : Buffer.from(body, 'utf8')
}

// application/json with an optional charset, which must then be UTF-8
// because RFC 8259 allows no other encoding between systems.
function isJson(contentType: string | undefined): boolean {
  if (contentType === undefined) return false
  const [type = '', ...parameters] = contentType.toLowerCase().split(';')
  if (type.trim() !== 'application/json') return false
  return parameters.every((parameter) => {
    const [name, value] = parameter.split('=').map((part) => part.trim())
    return name !== 'charset' || value === 'utf-8' || value === '"utf-8"'
  })
}

function parseJson(raw: Buffer): Step<unknown> {
  const malformed: Step<unknown> = {
    kind: 'problem',
    spec: { code: 'BODY_MALFORMED' },
  }
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(raw)
  } catch {
    return malformed
  }
  try {
    return { kind: 'ok', value: JSON.parse(text) }
  } catch {
    return malformed
  }
}

// Logs the error's class and stack frames but not its message, because
// messages of SDK and validation errors can quote request data.
function logDefect(logger: AppLogger, event: HttpEvent, error: unknown) {
  const name = error instanceof Error ? error.name : typeof error
  const frames =
    error instanceof Error
      ? (error.stack ?? '').split('\n').slice(1, 8).map((line) => line.trim())
      : []
  logger.error('Request failed with an unexpected error', {
    requestId: event.requestContext.requestId,
    // The route template, never the raw path, which a client could fill
    // with personal data.
    routeKey: event.routeKey,
    errorName: name,
    stack: frames,
  })
}
