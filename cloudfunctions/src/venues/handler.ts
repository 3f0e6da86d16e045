import {
  GuardRequest,
  PosterQuery,
  StatsQuery,
  VenueId,
  VenueRequest,
  type VenueList,
} from '@healthcode/shared'
import { createAuthenticate } from '../auth/session'
import { lambdaHandler, type Runtime } from '../config/runtime'
import { createHttpHandler, type HttpHandler } from '../http/handler'
import {
  binary,
  defineRoute,
  ok,
  problem,
  type Reply,
} from '../http/types'
import { validateBody } from '../http/validation'
import { addGuard, type AddGuardResult, type GuardDependencies } from './guards'
import { renderPoster, type PosterRenderer, type PosterResult } from './poster'
import { renderPosterPdf, renderPosterPng } from './poster/index'
import { venueCodeConfigOf } from './codes'
import { createVenueRepository } from './repository'
import {
  createVenue,
  getVenue,
  listVenues,
  rotateVenueCode,
  type CreateVenueResult,
  type VenueResult,
} from './service'
import { venueStats, type StatsDependencies, type StatsResult } from './stats'

const BUSINESSES = { roles: ['business'] } as const
const BUSINESSES_AND_GUARDS = { roles: ['business', 'guard'] } as const

export type VenueHandlerDependencies = GuardDependencies &
  StatsDependencies & { posters: PosterRenderer }

const notFound = problem({ code: 'NOT_FOUND' })

function createReply(result: CreateVenueResult): Reply {
  switch (result.kind) {
    case 'created':
      return ok(result.venue, 201)
    case 'policy_not_allowed':
      return problem({
        code: 'VENUE_POLICY_NOT_ALLOWED',
        errors: result.fields.map((field) => ({
          field,
          code: 'VENUE_POLICY_NOT_ALLOWED',
        })),
      })
  }
}

function venueReply(result: VenueResult): Reply {
  switch (result.kind) {
    case 'ok':
      return ok(result.venue)
    case 'not_found':
      return notFound
  }
}

function guardReply(result: AddGuardResult): Reply {
  switch (result.kind) {
    case 'added':
      return ok(result.guard, 201)
    case 'not_found':
      return notFound
    case 'phone_invalid':
      return problem({
        code: 'PHONE_INVALID',
        errors: [{ field: 'phone', code: 'PHONE_INVALID' }],
      })
  }
}

function posterReply(result: PosterResult): Reply {
  switch (result.kind) {
    case 'ok':
      return binary(result.bytes, result.contentType, {
        'content-disposition': `inline; filename="${result.fileName}"`,
      })
    case 'not_found':
      return notFound
    case 'unavailable':
      return problem({ code: 'POSTER_UNAVAILABLE', retryAfterSeconds: 60 })
  }
}

function statsReply(result: StatsResult): Reply {
  switch (result.kind) {
    case 'ok':
      return ok(result.stats)
    case 'not_found':
      return notFound
    case 'range_invalid':
      return problem({
        code: 'VALIDATION_FAILED',
        errors: [{ field: result.field, code: 'too_big' }],
      })
  }
}

// Ids that cannot be a venue's are reported like unknown ones.
function venueIdOf(params: Readonly<Record<string, string>>): string | null {
  const parsed = VenueId.safeParse(params.id)
  return parsed.success ? parsed.data : null
}

export function venueRoutes(deps: VenueHandlerDependencies) {
  return [
    defineRoute({
      method: 'POST',
      path: '/v1/venues',
      auth: BUSINESSES,
      body: VenueRequest,
      handle: async ({ body, session, now }) =>
        createReply(
          await createVenue(deps, {
            accountId: session.accountId,
            request: body,
            now,
          }),
        ),
    }),
    defineRoute({
      method: 'GET',
      path: '/v1/venues',
      auth: BUSINESSES_AND_GUARDS,
      body: null,
      handle: async ({ session }) => {
        const body: VenueList = {
          items: await listVenues(deps, session.accountId),
        }
        return ok(body)
      },
    }),
    defineRoute({
      method: 'GET',
      path: '/v1/venues/{id}',
      auth: BUSINESSES_AND_GUARDS,
      body: null,
      handle: async ({ params, session }) => {
        const venueId = venueIdOf(params)
        if (venueId === null) return notFound
        return venueReply(
          await getVenue(deps, { accountId: session.accountId, venueId }),
        )
      },
    }),
    defineRoute({
      method: 'POST',
      path: '/v1/venues/{id}/rotate',
      auth: BUSINESSES,
      body: null,
      handle: async ({ params, session, now }) => {
        const venueId = venueIdOf(params)
        if (venueId === null) return notFound
        return venueReply(
          await rotateVenueCode(deps, {
            accountId: session.accountId,
            venueId,
            now,
          }),
        )
      },
    }),
    defineRoute({
      method: 'POST',
      path: '/v1/venues/{id}/guards',
      auth: BUSINESSES,
      body: GuardRequest,
      handle: async ({ params, body, session, now }) => {
        const venueId = venueIdOf(params)
        if (venueId === null) return notFound
        return guardReply(
          await addGuard(deps, {
            accountId: session.accountId,
            venueId,
            phone: body.phone,
            now,
          }),
        )
      },
    }),
    defineRoute({
      method: 'GET',
      path: '/v1/venues/{id}/poster',
      auth: BUSINESSES,
      body: null,
      handle: async ({ params, query, session }) => {
        const venueId = venueIdOf(params)
        if (venueId === null) return notFound
        const parsed = validateBody(PosterQuery, query)
        if (parsed.kind === 'invalid') {
          return problem({ code: 'VALIDATION_FAILED', errors: parsed.errors })
        }
        return posterReply(
          await renderPoster(deps, {
            accountId: session.accountId,
            venueId,
            format: parsed.body.format,
          }),
        )
      },
    }),
    defineRoute({
      method: 'GET',
      path: '/v1/venues/{id}/stats',
      auth: BUSINESSES,
      body: null,
      handle: async ({ params, query, session, now }) => {
        const venueId = venueIdOf(params)
        if (venueId === null) return notFound
        const parsed = validateBody(StatsQuery, query)
        if (parsed.kind === 'invalid') {
          return problem({ code: 'VALIDATION_FAILED', errors: parsed.errors })
        }
        return statsReply(
          await venueStats(deps, {
            accountId: session.accountId,
            venueId,
            from: parsed.body.from,
            to: parsed.body.to,
            now,
          }),
        )
      },
    }),
  ]
}

export const posterRenderer: PosterRenderer = {
  pdf: (input) => renderPosterPdf(input),
  png: (input) => renderPosterPng(input),
}

export function venueDependencies(runtime: Runtime) {
  return {
    rules: runtime.rules,
    venues: createVenueRepository(runtime.db, runtime.tables),
    accounts: { db: runtime.db, tables: runtime.tables },
    codes: venueCodeConfigOf(runtime),
    logger: runtime.logger,
  }
}

export function createVenueHandler(
  runtime: Runtime,
  posters: PosterRenderer = posterRenderer,
): HttpHandler {
  return createHttpHandler({
    routes: venueRoutes({
      ...venueDependencies(runtime),
      pii: runtime.pii,
      db: runtime.db,
      tables: runtime.tables,
      posters,
    }),
    authenticate: createAuthenticate(runtime.keys, runtime.rules.id),
    clock: runtime.clock,
    logger: runtime.logger,
  })
}

export const handler = lambdaHandler((runtime) => createVenueHandler(runtime))
