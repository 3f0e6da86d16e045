import drawQrcode from 'weapp-qrcode'
import { describe, expect, it } from 'vitest'
import { drawQr } from '../../src/qr/drawQr'
import {
  CORRECT_LEVEL_M,
  layoutQr,
  qrVersionFor,
} from '../../src/qr/layout'
import { RecordingContext } from '../stubs/taro'
import { decode, marginOf, rasterize } from './raster'

// Shaped like a compact JWS with an Ed25519 signature: 3 base64url parts.
const TOKEN = [
  'eyJhbGciOiJFZERTQSIsImtpZCI6Imhhbmd6aG91LTIwMjYtMDEiLCJ0eXAiOiJKV1QifQ',
  'eyJzdWIiOiJyXzAxSkdQNlZXWkszRkE0SjJNN1EwUzZUOFlCIiwiY29sIjoieWVsbG93Ii' +
    'wiY2l0eSI6Imhhbmd6aG91IiwiaWF0IjoxNzY4ODgxNjAwLCJleHAiOjE3Njg4ODE2NjB9',
  'c2lnbmF0dXJlLW9mLTY0LWJ5dGVzLWVuY29kZWQtYXMtYmFzZTY0dXJsLWluLTg2LWNoYXJh' +
    'Y3RlcnMtLS0',
].join('.')

// Longest run of ASCII letters that qrVersionFor places in each version.
function capacities(): Map<number, number> {
  const longest = new Map<number, number>()
  for (let length = 1; length <= 2331; length++) {
    const version = qrVersionFor('a'.repeat(length))
    if (version !== null) longest.set(version, length)
  }
  return longest
}

function drawsWithVersion(text: string, version: number): boolean {
  try {
    drawQrcode({
      ctx: new RecordingContext(),
      text,
      typeNumber: version,
      correctLevel: CORRECT_LEVEL_M,
      width: 100,
      height: 100,
    })
    return true
  } catch {
    return false
  }
}

describe('qrVersionFor', () => {
  it('matches the capacity weapp-qrcode enforces', () => {
    const longest = capacities()
    for (let version = 1; version <= 40; version++) {
      const capacity = longest.get(version) ?? 0
      expect(drawsWithVersion('a'.repeat(capacity), version)).toBe(true)
      expect(drawsWithVersion('a'.repeat(capacity + 1), version)).toBe(false)
    }
  })

  it('counts non-ASCII characters as their UTF-8 bytes', () => {
    expect(qrVersionFor('a'.repeat(14))).toBe(1)
    expect(qrVersionFor('码'.repeat(5))).toBe(2)
  })

  it('returns null beyond version 40', () => {
    expect(qrVersionFor('a'.repeat(2332))).toBeNull()
  })
})

describe('layoutQr', () => {
  it('leaves a quiet zone of four modules at least', () => {
    const layout = layoutQr(TOKEN, 260)
    expect(layout).not.toBeNull()
    if (layout === null) return
    expect(Number.isInteger(layout.moduleSize)).toBe(true)
    expect(layout.offset).toBeGreaterThanOrEqual(4 * layout.moduleSize)
    expect(layout.offset + layout.codeSize).toBeLessThanOrEqual(
      260 - 4 * layout.moduleSize,
    )
  })

  it('rejects a canvas too small for one unit per module', () => {
    expect(layoutQr(TOKEN, 40)).toBeNull()
  })
})

describe('drawQr', () => {
  it('draws a code that decodes to the token', () => {
    const context = new RecordingContext()
    expect(drawQr(context, TOKEN, 260)).toEqual({ kind: 'drawn' })
    expect(context.frames).toHaveLength(1)
    expect(decode(context.frames[0] ?? [], 260)).toBe(TOKEN)
  })

  it('paints the quiet zone white', () => {
    const context = new RecordingContext()
    drawQr(context, TOKEN, 260)
    const layout = layoutQr(TOKEN, 260)
    const pixels = rasterize(context.frames[0] ?? [], 260)
    expect(pixels[3]).toBe(255)
    expect(marginOf(pixels, 260)).toBe(layout?.offset)
  })

  it('reports a text too long for a QR code', () => {
    const context = new RecordingContext()
    expect(drawQr(context, 'a'.repeat(3000), 260)).toEqual({
      kind: 'too-large',
    })
    expect(context.frames).toHaveLength(0)
  })
})
