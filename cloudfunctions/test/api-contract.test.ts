import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { load } from 'js-yaml'
import { describe, expect, it } from 'vitest'
import { buildOpenApi } from '@healthcode/shared/api/openapi'
import { routes } from '@healthcode/shared/api/routes'

const root = join(__dirname, '..', '..')

type Functions = Record<string, { events?: { httpApi?: string }[] }>

// Routes as serverless.yml deploys them, e.g. "POST /v1/checkins". The file
// has ${...} variables that js-yaml leaves as plain strings.
function deployedRoutes(): string[] {
  const text = readFileSync(join(root, 'serverless.yml'), 'utf8')
  const config = load(text) as { functions: Functions }
  return Object.values(config.functions)
    .flatMap((fn) => fn.events ?? [])
    .flatMap((event) => (event.httpApi ? [event.httpApi] : []))
    .filter((route) => route !== '*')
    .sort()
}

describe('API contract', () => {
  it('lists every deployed route in the route table', () => {
    const documented = routes
      .map((route) => `${route.method.toUpperCase()} ${route.path}`)
      .sort()
    expect(documented).toEqual(deployedRoutes())
  })

  it('matches the published OpenAPI document', () => {
    const published = JSON.parse(
      readFileSync(join(root, 'docs', 'openapi.json'), 'utf8'),
    )
    // Run `npm run openapi` after changing a route or schema.
    expect(published).toEqual(buildOpenApi(routes))
  })
})
