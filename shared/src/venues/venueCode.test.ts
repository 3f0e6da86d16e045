import { describe, expect, it } from 'vitest'
import {
  parseVenueCode,
  venueCodeSigningInput,
  venueCodeText,
} from './venueCode'

const BASE = 'http://127.0.0.1:10086'
const CODE = {
  city: 'hangzhou',
  venueId: 'Vn3kQ9xZ_Ab-cdEFghIJkl',
  version: 3,
  signature: 'AbCdEfGhIjKlMnOpQrStUw',
}
const TEXT = `${BASE}/c/hangzhou/Vn3kQ9xZ_Ab-cdEFghIJkl.3.AbCdEfGhIjKlMnOpQrStUw`

describe('venueCodeText', () => {
  it('builds the URL on the base', () => {
    expect(venueCodeText(BASE, CODE)).toBe(TEXT)
  })

  it('drops a trailing slash of the base', () => {
    expect(venueCodeText(`${BASE}/`, CODE)).toBe(TEXT)
  })
})

describe('parseVenueCode', () => {
  it('reads the parts of a code on the base', () => {
    expect(parseVenueCode(TEXT, BASE)).toEqual({ kind: 'ok', ...CODE })
  })

  it('reads a code on any origin without a base', () => {
    const text = TEXT.replace(BASE, 'https://hangzhou.health-code.example')
    expect(parseVenueCode(text)).toEqual({ kind: 'ok', ...CODE })
  })

  it('rejects a code on another base', () => {
    const text = TEXT.replace(BASE, 'https://shanghai.health-code.example')
    expect(parseVenueCode(text, BASE)).toEqual({ kind: 'not_venue_code' })
  })

  it.each([
    ['a random URL', 'https://example.com/promo?id=1'],
    ['plain text', 'hello'],
    ['a token', 'eyJhbGciOiJFZERTQSJ9.e30.AAAA'],
    ['version 0', TEXT.replace('.3.', '.0.')],
    ['a negative version', TEXT.replace('.3.', '.-3.')],
    ['a version with a leading zero', TEXT.replace('.3.', '.03.')],
    ['a short signature', TEXT.slice(0, -1)],
    ['a signature with unused bits set', `${TEXT.slice(0, -1)}B`],
    ['a padded signature', `${TEXT}==`],
    ['a query string', `${TEXT}?x=1`],
    ['a trailing slash', `${TEXT}/`],
    ['an upper-case city', TEXT.replace('hangzhou', 'Hangzhou')],
    ['non-ASCII text', TEXT.replace('Vn3k', 'Vn３k')],
    ['a Chinese city name', TEXT.replace('hangzhou', '杭州')],
    ['a space', ` ${TEXT}`],
    ['a newline', `${TEXT}\n`],
    ['an oversized text', `${BASE}/c/hangzhou/${'a'.repeat(600)}`],
  ])('rejects %s', (_label, text) => {
    expect(parseVenueCode(text, BASE)).toEqual({ kind: 'not_venue_code' })
  })
})

describe('venueCodeSigningInput', () => {
  it('separates the parts with newlines', () => {
    expect(venueCodeSigningInput('hangzhou', 'v1', 2)).toBe(
      'hc-venue-code\nhangzhou\nv1\n2',
    )
  })
})
