import { describe, expect, it } from 'vitest'
import { normalizeDocumentNumber } from './normalize'

describe('normalizeDocumentNumber', () => {
  it('trims surrounding whitespace', () => {
    expect(normalizeDocumentNumber('  11010519491231002X \n')).toBe(
      '11010519491231002X',
    )
  })

  it('turns full-width digits and letters into ASCII', () => {
    expect(normalizeDocumentNumber('１１０１０５１９４９１２３１００２Ｘ')).toBe(
      '11010519491231002X',
    )
  })

  it('removes inner spaces, including ideographic ones', () => {
    expect(normalizeDocumentNumber('110105 19491231\u3000002X')).toBe(
      '11010519491231002X',
    )
  })

  it('upper-cases a lower-case check character', () => {
    expect(normalizeDocumentNumber('11010519491231002x')).toBe(
      '11010519491231002X',
    )
  })

  it('keeps the multiplication sign, which is not a letter', () => {
    expect(normalizeDocumentNumber('11010519491231002×')).toBe(
      '11010519491231002×',
    )
  })
})
