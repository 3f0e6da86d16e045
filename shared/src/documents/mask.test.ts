import { describe, expect, it } from 'vitest'
import { maskDocument, maskName } from './mask'

describe('maskName', () => {
  it.each([
    ['张三', '*三'],
    ['欧阳娜娜', '***娜'],
    ['买买提·艾力', '*****力'],
    ["Anna-Lena O'Brien", 'A******** O******'],
    ['José María García', 'J*** M**** G*****'],
    ['Nguyễn Văn An', 'N***** V** A*'],
    ['Владимир', 'В*******'],
  ])('masks %s as %s', (name, masked) => {
    expect(maskName(name)).toBe(masked)
  })

  it.each(['张', 'A'])('masks the one-character name %s as *', (name) => {
    expect(maskName(name)).toBe('*')
  })

  it('keeps a one-letter word of a longer name', () => {
    expect(maskName('Anna B')).toBe('A*** B')
  })

  it('masks a letter and its combining marks as one character', () => {
    expect(maskName('Jose\u0301 Li')).toBe('J*** L*')
  })

  it('returns an empty string for an empty name', () => {
    expect(maskName('')).toBe('')
  })
})

describe('maskDocument', () => {
  it.each([
    ['11010519491231002X', '11**************2X'],
    ['E12345678', 'E1*****78'],
    ['1234567', '12***67'],
    ['123456', '****56'],
    ['12345', '***45'],
    ['12', '**'],
    ['', ''],
  ])('masks %s as %s', (number, masked) => {
    expect(maskDocument(number)).toBe(masked)
  })
})
