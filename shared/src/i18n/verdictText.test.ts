import { describe, expect, it } from 'vitest'
import { VerdictCode } from '../api/checkpoint'
import { verdictText } from './verdictText'

const HAN = /\p{Script=Han}/u

describe('verdictText', () => {
  it.each(VerdictCode.options)('has both languages for %s', (code) => {
    expect(verdictText(code, 'zh')).toMatch(HAN)
    expect(verdictText(code, 'en')).not.toMatch(HAN)
    expect(verdictText(code, 'en').length).toBeGreaterThan(10)
  })

  it('tells the guard to fix a wrong clock', () => {
    expect(verdictText('CLOCK_WRONG', 'en')).toBe(
      "This device's clock is wrong, so the code's time cannot be " +
        'checked. Set the device clock and verify again.',
    )
  })
})
