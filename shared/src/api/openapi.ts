import { z } from 'zod'
import { Problem } from './problems'
import type { RouteSpec } from './routes'

type JsonObject = Record<string, unknown>

const problemContent = {
  'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } },
}

function schemaOf(type: z.ZodType): JsonObject {
  return z.toJSONSchema(type, { io: 'input', unrepresentable: 'any' }) as JsonObject
}

// Path parameters such as {id}, and the query parameters of the route.
function parameters(route: RouteSpec): JsonObject[] {
  const inPath = [...route.path.matchAll(/\{(\w+)\}/g)].map((match) => ({
    name: match[1],
    in: 'path',
    required: true,
    schema: { type: 'string' },
  }))
  const shape = route.query?.shape ?? {}
  const inQuery = Object.entries(shape).map(([name, schema]) => ({
    name,
    in: 'query',
    required: !(schema as z.ZodType).safeParse(undefined).success,
    schema: schemaOf(schema as z.ZodType),
  }))
  return [...inPath, ...inQuery]
}

function successContent(route: RouteSpec): JsonObject {
  const response = route.response
  if ('binary' in response) {
    return Object.fromEntries(
      response.binary.map((type) => [
        type,
        { schema: { type: 'string', format: 'binary' } },
      ]),
    )
  }
  return { 'application/json': { schema: schemaOf(response) } }
}

function operation(route: RouteSpec): JsonObject {
  const signedIn = route.access !== 'public'
  const params = parameters(route)
  return {
    summary: route.summary,
    ...(params.length > 0 ? { parameters: params } : {}),
    ...(signedIn
      ? {
          security: [{ bearer: [] }],
          'x-roles': route.access,
        }
      : {}),
    ...(route.request
      ? {
          requestBody: {
            required: true,
            content: { 'application/json': { schema: schemaOf(route.request) } },
          },
        }
      : {}),
    responses: {
      [String(route.status)]: {
        description: 'Success',
        content: successContent(route),
      },
      '4XX': {
        description: 'RFC 9457 problem details with a stable `code`',
        content: problemContent,
      },
    },
  }
}

/**
 * Builds the OpenAPI 3.1 document of the HTTP API from the route table and
 * its zod schemas, so the published contract cannot drift from the code.
 */
export function buildOpenApi(routes: readonly RouteSpec[]): JsonObject {
  const paths: Record<string, JsonObject> = {}
  for (const route of routes) {
    paths[route.path] = { ...paths[route.path], [route.method]: operation(route) }
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Health Code API', version: '1' },
    paths,
    components: {
      schemas: { Problem: schemaOf(Problem) },
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
    },
  }
}
