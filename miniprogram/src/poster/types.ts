import type { ApiFailure, SignedRequest } from '../api/client'

export type PosterOutcome =
  | { kind: 'saved' }
  // Downloaded, but the platform could not open the file.
  | { kind: 'open-failed' }
  | ApiFailure

// Downloads a venue poster with the signed request and hands it to the
// user: a file download in a browser, the document viewer in a
// mini-program.
export type PosterSaver = (
  request: SignedRequest,
  fileName: string,
) => Promise<PosterOutcome>
