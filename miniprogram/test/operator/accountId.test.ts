import { describe, expect, it } from 'vitest'
import { accountIdOf } from '../../src/operator/accountId'
import { tokenFor } from './fixtures'

describe('accountIdOf', () => {
  it('reads the sub claim', () => {
    expect(accountIdOf(tokenFor('acct-7'))).toBe('acct-7')
  })

  it.each([
    ['a token without dots', 'session-token'],
    ['a payload that is not JSON', 'e30.bm90IGpzb24.c2ln'],
    ['a payload without sub', 'e30.eyJyb2xlIjoib3BlcmF0b3IifQ.c2ln'],
    ['a sub that is not a string', 'e30.eyJzdWIiOjd9.c2ln'],
  ])('returns null for %s', (_case, token) => {
    expect(accountIdOf(token)).toBeNull()
  })
})
