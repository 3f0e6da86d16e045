import { describe, expect, it } from 'vitest'
import { VenueRequest } from './venues'

function venueNamed(name: string) {
  return VenueRequest.safeParse({
    name,
    address: '杭州市西湖区文三路 1 号',
    type: 'market',
  })
}

describe('VenueRequest name', () => {
  it.each([
    ['a formula', '=1+1'],
    ['markup', '<b>文三路菜市场</b>'],
    ['an emoji joined with ZWJ', 'Café 👨‍👩‍👧'],
    ['a leading at sign', '@west market'],
  ])('accepts %s as plain text', (_, name) => {
    const parsed = venueNamed(name)
    expect(parsed.success).toBe(true)
    expect(parsed.data?.name).toBe(name)
  })

  it.each([
    ['a NUL byte', 'market\u0000'],
    ['a right-to-left override', 'market\u202Etxt.exe'],
    ['a directional isolate', 'market\u2066x\u2069'],
    ['a zero-width space', 'mar\u200Bket'],
    ['a byte order mark', 'mar\uFEFFket'],
    ['a line separator', 'market\u2028two'],
  ])('rejects %s', (_, name) => {
    const parsed = venueNamed(name)
    expect(parsed.success).toBe(false)
    expect(parsed.error?.issues[0]?.path).toEqual(['name'])
  })
})
