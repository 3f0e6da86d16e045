import type {
  CityInfo,
  CityRules,
  Health,
  PublicKeys,
} from '@healthcode/shared'
import { routes as publishedRoutes } from '@healthcode/shared/api/routes'
import type { z } from 'zod'
import { createAuthenticate } from '../auth/session'
import type { TokenKeys } from '../config/keys'
import { lambdaHandler, type Runtime } from '../config/runtime'
import { createHttpHandler, type HttpHandler } from '../http/handler'
import { defineRoute, ok, problem, type Route } from '../http/types'

// Verifiers cache the keys for offline checks, and rotation adds a key well
// before it signs, so a few minutes of caching is safe.
const KEYS_MAX_AGE_SECONDS = 300

export function cityRoutes(rules: CityRules, keys: TokenKeys) {
  return [
    defineRoute({
      method: 'GET',
      path: '/v1/health',
      auth: 'none',
      body: null,
      handle: async () => {
        const body: z.infer<typeof Health> = { status: 'ok', city: rules.id }
        return ok(body)
      },
    }),
    defineRoute({
      method: 'GET',
      path: '/v1/city',
      auth: 'none',
      body: null,
      handle: async ({ language }) => {
        const body: CityInfo = {
          id: rules.id,
          name: rules.name[language],
          timeZone: rules.timeZone,
          acceptedDocuments: rules.registration.acceptedDocuments,
          eligibility: rules.registration.eligibility,
        }
        return ok(body)
      },
    }),
    defineRoute({
      method: 'GET',
      path: '/v1/keys',
      auth: 'none',
      body: null,
      handle: async () => {
        const body: PublicKeys = {
          city: rules.id,
          keys: keys.verification.map((key) => ({
            kid: key.kid,
            alg: 'EdDSA',
            x: key.x,
          })),
        }
        return {
          kind: 'ok',
          status: 200,
          body,
          headers: {
            'cache-control': `public, max-age=${KEYS_MAX_AGE_SECONDS}`,
          },
        }
      },
    }),
  ]
}

// The routes of the whole API, for requests no deployed route took (the
// `*` route in serverless.yml). Matching them distinguishes a known path
// with another method (405 with an Allow header) from an unknown path
// (404), both as problem details. A request for a deployed method and path never
// reaches this handler, and would get 404 if it did.
export function fallbackRoutes(): Route[] {
  return publishedRoutes.map((spec) =>
    defineRoute({
      method: spec.method === 'get' ? 'GET' : 'POST',
      path: spec.path,
      auth: 'none',
      body: null,
      handle: async () => problem({ code: 'NOT_FOUND' }),
    }),
  )
}

export function createCityHandler(runtime: Runtime): HttpHandler {
  return createHttpHandler({
    routes: [
      ...cityRoutes(runtime.rules, runtime.keys),
      ...fallbackRoutes(),
    ],
    authenticate: createAuthenticate(runtime.keys, runtime.rules.id),
    clock: runtime.clock,
    logger: runtime.logger,
  })
}

export const handler = lambdaHandler(createCityHandler)
