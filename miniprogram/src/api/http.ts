// The seam between the API client and the platform's HTTP stack, so tests
// can answer requests without a server.

export type HttpRequest = {
  method: 'GET' | 'POST'
  url: string
  headers: Readonly<Record<string, string>>
  body?: unknown
}

export type TransportOutcome =
  | { kind: 'response'; status: number; body: unknown }
  // No HTTP response at all: offline, DNS failure, refused, timed out.
  | { kind: 'network-error' }

export type Transport = (request: HttpRequest) => Promise<TransportOutcome>
