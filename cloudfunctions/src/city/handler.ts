import type {
  CityInfo,
  CityRules,
  Health,
  PublicKeys,
} from '@healthcode/shared'
import type { z } from 'zod'
import { createAuthenticate } from '../auth/session'
import type { TokenKeys } from '../config/keys'
import { lambdaHandler, type Runtime } from '../config/runtime'
import { createHttpHandler, type HttpHandler } from '../http/handler'
import { defineRoute, ok } from '../http/types'

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

export function createCityHandler(runtime: Runtime): HttpHandler {
  return createHttpHandler({
    routes: cityRoutes(runtime.rules, runtime.keys),
    authenticate: createAuthenticate(runtime.keys, runtime.rules.id),
    clock: runtime.clock,
    logger: runtime.logger,
  })
}

export const handler = lambdaHandler(createCityHandler)
