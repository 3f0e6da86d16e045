// Writes docs/openapi.json from the route table and its zod schemas.
// Run with: npm run openapi
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { buildOpenApi } from '../shared/src/api/openapi'
import { routes } from '../shared/src/api/routes'

const target = join(__dirname, '..', 'docs', 'openapi.json')
writeFileSync(target, JSON.stringify(buildOpenApi(routes), null, 2) + '\n')
console.log(`wrote ${target}`)
