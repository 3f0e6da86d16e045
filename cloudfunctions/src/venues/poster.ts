import type { LocalizedText, PosterFormat } from '@healthcode/shared'
import { codeTextOf } from './codes'
import type { VenueDependencies } from './service'

// Draws posters. The implementation is in ./poster.
export type PosterRenderer = {
  pdf(input: {
    qrText: string
    venueName: string
    venueAddress: string
    cityName: LocalizedText
    venueId: string
  }): Promise<Uint8Array>
  png(input: { qrText: string; venueName: string }): Promise<Uint8Array>
}

export type PosterResult =
  | { kind: 'ok'; bytes: Uint8Array; contentType: string; fileName: string }
  | { kind: 'not_found' }
  // The renderer failed, e.g. its font files are missing from the package.
  | { kind: 'unavailable' }

const CONTENT_TYPES: Readonly<Record<PosterFormat, string>> = {
  pdf: 'application/pdf',
  png: 'image/png',
}

/**
 * Renders the poster of a venue the account owns. The QR text is the
 * venue's current code, the same on every download, and the name is the
 * stored name as it is.
 */
export async function renderPoster(
  deps: VenueDependencies & { posters: PosterRenderer },
  input: { accountId: string; venueId: string; format: PosterFormat },
): Promise<PosterResult> {
  const venue = await deps.venues.get(input.venueId)
  if (venue === null || venue.ownerAccountId !== input.accountId) {
    return { kind: 'not_found' }
  }
  const qrText = codeTextOf(deps.codes, venue)
  let bytes: Uint8Array
  try {
    bytes =
      input.format === 'pdf'
        ? await deps.posters.pdf({
            qrText,
            venueName: venue.name,
            venueAddress: venue.address,
            cityName: deps.rules.name,
            venueId: venue.venueId,
          })
        : await deps.posters.png({ qrText, venueName: venue.name })
  } catch (error) {
    // The message is not logged, because it may quote the venue's name.
    deps.logger.error('Poster rendering failed', {
      venueId: venue.venueId,
      format: input.format,
      errorName: error instanceof Error ? error.name : typeof error,
    })
    return { kind: 'unavailable' }
  }
  return {
    kind: 'ok',
    bytes,
    contentType: CONTENT_TYPES[input.format],
    // ASCII only, so the header needs no encoding.
    fileName: `venue-${venue.venueId}-v${venue.codeVersion}.${input.format}`,
  }
}
