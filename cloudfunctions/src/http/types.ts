import type { FieldParams } from '@healthcode/shared'
import type {
  APIGatewayProxyEventV2,
  APIGatewayProxyStructuredResultV2,
} from 'aws-lambda'
import type { Language, ProblemCode, Role } from '@healthcode/shared'
import type { z } from 'zod'

export type HttpEvent = APIGatewayProxyEventV2
export type HttpResult = APIGatewayProxyStructuredResultV2

export type Clock = { now(): Date }

// A signed-in caller, as a verified session token describes them. `role`
// is the primary role and `roles` every role the token carries.
export type Session = { accountId: string; role: Role; roles: Role[] }

export type SessionResult =
  | { kind: 'ok'; session: Session }
  | { kind: 'expired' }
  | { kind: 'invalid' }

export type Authenticate = (token: string, now: Date) => SessionResult

// A problem as services report it. The HTTP layer adds status, title and
// the localized texts.
export type ProblemSpec = {
  code: ProblemCode
  // Replaces the generic detail text, e.g. a city's reason for turning
  // someone away. Already in the caller's language.
  detail?: string
  errors?: FieldError[]
  retryAfterSeconds?: number
  // Methods of the path, sent in the Allow header of a 405 response.
  allowedMethods?: string[]
}

// A field-level problem before localization. `message` is filled in by the
// HTTP layer unless the service already has a better text.
export type FieldError = {
  field: string
  code: string
  message?: string
  // Limits or allowed values of a schema check, named in the message.
  params?: FieldParams
}

export type Reply =
  | {
      kind: 'ok'
      status: number
      body: unknown
      headers?: Record<string, string>
    }
  // A binary body, sent base64-encoded as API Gateway requires.
  | {
      kind: 'binary'
      status: number
      contentType: string
      bytes: Uint8Array
      headers?: Record<string, string>
    }
  | { kind: 'problem'; problem: ProblemSpec }

export type RouteRequest<Body> = {
  body: Body
  language: Language
  now: Date
  requestId: string
  // Values of the `{name}` segments of the route's path template.
  params: Readonly<Record<string, string>>
  query: Readonly<Record<string, string>>
  // Request headers by lower-case name.
  headers: Readonly<Record<string, string>>
}

export type SignedInRequest<Body> = RouteRequest<Body> & { session: Session }

type RouteBase<Body> = {
  method: 'GET' | 'POST'
  // A path, or a template whose `{name}` segments match one non-empty
  // segment each, as in serverless.yml.
  path: string
  // Schema of the JSON body, or null for routes without a body.
  body: z.ZodType<Body> | null
  // Replaces MAX_BODY_BYTES and its BODY_TOO_LARGE problem for a route
  // that takes larger bodies, such as an import.
  bodyLimit?: BodyLimit
}

export type BodyLimit = { bytes: number; tooLarge: ProblemCode }

export type RouteDefinition<Body> = RouteBase<Body> &
  (
    | { auth: 'none'; handle(request: RouteRequest<Body>): Promise<Reply> }
    | {
        // The session must carry at least one of these roles.
        auth: { roles: readonly Role[] }
        handle(request: SignedInRequest<Body>): Promise<Reply>
      }
  )

// A route with its body type erased, so routes of one function can share a
// list. `defineRoute` keeps each handler's body typed.
export type Route = RouteDefinition<unknown>

export function defineRoute<Body>(route: RouteDefinition<Body>): Route {
  return route as Route
}

export function ok(body: unknown, status = 200): Reply {
  return { kind: 'ok', status, body }
}

export function problem(spec: ProblemSpec): Reply {
  return { kind: 'problem', problem: spec }
}

export function binary(
  bytes: Uint8Array,
  contentType: string,
  headers?: Record<string, string>,
): Reply {
  return { kind: 'binary', status: 200, contentType, bytes, headers }
}
