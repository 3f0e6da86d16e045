import { afterEach, describe, expect, it, vi } from 'vitest'
import { savePoster } from '../../src/poster/savePoster.h5'

const REQUEST = {
  url: 'http://api.test/v1/venues/v_01/poster?format=pdf',
  headers: { Authorization: 'Bearer session-token' },
}

type Clicked = { href: string; download: string }

// Records the links the page clicks, which is how the browser build saves
// the file.
function recordDownloads(): Clicked[] {
  const clicked: Clicked[] = []
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(
    function (this: HTMLAnchorElement) {
      clicked.push({ href: this.href, download: this.download })
    },
  )
  return clicked
}

afterEach(() => {
  vi.unstubAllGlobals()
  vi.restoreAllMocks()
})

describe('savePoster in the browser', () => {
  it('fetches with the token and saves under the file name', async () => {
    const fetched: { url: string; init: RequestInit | undefined }[] = []
    vi.stubGlobal('fetch', async (url: string, init?: RequestInit) => {
      fetched.push({ url, init })
      return new Response(new Blob(['%PDF-1.7']), { status: 200 })
    })
    vi.stubGlobal('URL', {
      createObjectURL: () => 'blob:poster',
      revokeObjectURL: () => {},
    })
    const clicked = recordDownloads()
    const outcome = await savePoster(REQUEST, 'venue-v_01-v1.pdf')
    expect(outcome).toEqual({ kind: 'saved' })
    expect(fetched[0]?.url).toBe(REQUEST.url)
    expect(fetched[0]?.init?.headers).toEqual(REQUEST.headers)
    expect(clicked).toEqual([
      { href: 'blob:poster', download: 'venue-v_01-v1.pdf' },
    ])
  })

  it('returns the problem of an error response', async () => {
    const body = {
      type: 'about:blank',
      title: 'Poster unavailable',
      status: 503,
      detail: 'Try again later.',
      code: 'POSTER_UNAVAILABLE',
    }
    vi.stubGlobal(
      'fetch',
      async () =>
        new Response(JSON.stringify(body), {
          status: 503,
          headers: { 'Content-Type': 'application/problem+json' },
        }),
    )
    const clicked = recordDownloads()
    const outcome = await savePoster(REQUEST, 'poster.pdf')
    expect(outcome).toEqual({
      kind: 'problem',
      status: 503,
      problem: {
        code: 'POSTER_UNAVAILABLE',
        title: 'Poster unavailable',
        detail: 'Try again later.',
      },
    })
    expect(clicked).toEqual([])
  })

  it('reports a failed fetch as a network failure', async () => {
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('Failed to fetch')
    })
    expect(await savePoster(REQUEST, 'poster.pdf')).toEqual({
      kind: 'network',
    })
  })
})
