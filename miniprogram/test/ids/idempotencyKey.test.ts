import { IdempotencyKey } from '@healthcode/shared/api/checkins'
import { describe, expect, it } from 'vitest'
import { newIdempotencyKey } from '../../src/ids/idempotencyKey'

describe('newIdempotencyKey', () => {
  it('lays out the bytes as a version 4 UUID', () => {
    const bytes = Uint8Array.from({ length: 16 }, (_, index) => index * 17)
    expect(newIdempotencyKey(() => bytes.slice())).toBe(
      '00112233-4455-4677-8899-aabbccddeeff',
    )
  })

  it('passes the API check of the header', () => {
    const key = newIdempotencyKey()
    expect(IdempotencyKey.safeParse(key).success).toBe(true)
  })

  it('differs from call to call', () => {
    const keys = new Set(Array.from({ length: 50 }, () => newIdempotencyKey()))
    expect(keys.size).toBe(50)
  })
})
