// The seam between the API client and the platform's HTTP stack, so tests
// can return responses without a server.

export type HttpRequest = {
  method: 'GET' | 'POST'
  url: string
  headers: Readonly<Record<string, string>>
  body?: unknown
}

export type TransportOutcome =
  | {
      kind: 'response'
      status: number
      body: unknown
      // Response headers as the platform returns them, names in any case.
      headers?: Readonly<Record<string, string>>
    }
  // No HTTP response at all: offline, DNS failure, refused, timed out.
  | { kind: 'network-error' }

export type Transport = (request: HttpRequest) => Promise<TransportOutcome>

// Keeps the string-valued headers of a platform response.
export function stringHeaders(header: unknown): Record<string, string> {
  const headers: Record<string, string> = {}
  if (typeof header !== 'object' || header === null) return headers
  for (const [name, value] of Object.entries(header)) {
    if (typeof value === 'string') headers[name] = value
  }
  return headers
}

// Returns a header's value by case-insensitive name, or null.
export function headerValue(
  headers: Readonly<Record<string, string>> | undefined,
  name: string,
): string | null {
  const wanted = name.toLowerCase()
  for (const [key, value] of Object.entries(headers ?? {})) {
    if (key.toLowerCase() === wanted) return value
  }
  return null
}
