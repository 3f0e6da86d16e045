import type { HttpEvent } from '../src/http/types'

export type EventInput = {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE'
  // A path with an optional query string, e.g. `/v1/x?from=2026-02-01`.
  path: string
  // An object is sent as JSON. A string is sent as it is.
  body?: unknown
  headers?: Record<string, string>
  token?: string
  // Sends the body base64-encoded, as API Gateway does for binary bodies.
  base64?: boolean
  // Bytes to send base64-encoded as they are, in place of `body`.
  rawBytes?: Uint8Array
}

let requestCount = 0

/** Builds an API Gateway HTTP API (payload 2.0) event as AWS sends it. */
export function httpEvent(input: EventInput): HttpEvent {
  requestCount += 1
  const headers: Record<string, string> = {
    host: 'api.test.invalid',
    'user-agent': 'vitest',
  }
  let body: string | undefined
  if (input.body !== undefined) {
    headers['content-type'] = 'application/json'
    body =
      typeof input.body === 'string' ? input.body : JSON.stringify(input.body)
  }
  if (input.token !== undefined) {
    headers.authorization = `Bearer ${input.token}`
  }
  Object.assign(headers, input.headers)
  let encoded = body
  let isBase64Encoded = false
  if (input.rawBytes !== undefined) {
    encoded = Buffer.from(input.rawBytes).toString('base64')
    isBase64Encoded = true
  } else if (input.base64 === true && body !== undefined) {
    encoded = Buffer.from(body, 'utf8').toString('base64')
    isBase64Encoded = true
  }
  const [path = '', rawQueryString = ''] = input.path.split('?', 2)
  const query = new URLSearchParams(rawQueryString)
  return {
    version: '2.0',
    routeKey: `${input.method} ${path}`,
    rawPath: path,
    rawQueryString,
    // API Gateway joins repeated parameters with commas.
    ...(rawQueryString === ''
      ? {}
      : {
          queryStringParameters: Object.fromEntries(
            [...new Set(query.keys())].map((name) => [
              name,
              query.getAll(name).join(','),
            ]),
          ),
        }),
    headers,
    requestContext: {
      accountId: '123456789012',
      apiId: 'test',
      domainName: 'api.test.invalid',
      domainPrefix: 'api',
      http: {
        method: input.method,
        path,
        protocol: 'HTTP/1.1',
        sourceIp: '127.0.0.1',
        userAgent: 'vitest',
      },
      requestId: `request-${requestCount}`,
      routeKey: `${input.method} ${path}`,
      stage: '$default',
      time: '10/Feb/2026:10:00:00 +0000',
      timeEpoch: 0,
    },
    body: encoded,
    isBase64Encoded,
  }
}
