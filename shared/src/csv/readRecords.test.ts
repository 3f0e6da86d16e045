import { describe, expect, it } from 'vitest'
import { readCsvRecords } from './readRecords'

function read(text: string) {
  return [...readCsvRecords(text)]
}

describe('readCsvRecords', () => {
  it('splits on LF, CRLF and a lone CR', () => {
    expect(read('a\nb\r\nc\rd')).toEqual([
      { kind: 'ok', line: 1, fields: ['a'] },
      { kind: 'ok', line: 2, fields: ['b'] },
      { kind: 'ok', line: 3, fields: ['c'] },
      { kind: 'ok', line: 4, fields: ['d'] },
    ])
  })

  it('keeps empty and quoted empty fields', () => {
    expect(read('a,,""\n,')).toEqual([
      { kind: 'ok', line: 1, fields: ['a', '', ''] },
      { kind: 'ok', line: 2, fields: ['', ''] },
    ])
  })

  it('skips blank lines but counts them', () => {
    expect(read('a\n\n\r\nb\n')).toEqual([
      { kind: 'ok', line: 1, fields: ['a'] },
      { kind: 'ok', line: 4, fields: ['b'] },
    ])
  })

  it('keeps a CRLF inside quotes as data', () => {
    expect(read('"x\r\ny",z\r\nnext')).toEqual([
      { kind: 'ok', line: 1, fields: ['x\r\ny', 'z'] },
      { kind: 'ok', line: 3, fields: ['next'] },
    ])
  })

  it('drops only a leading byte order mark', () => {
    expect(read('\uFEFFa,\uFEFFb')).toEqual([
      { kind: 'ok', line: 1, fields: ['a', '\uFEFFb'] },
    ])
  })

  it('resumes after an unterminated quote on the next line', () => {
    expect(read('a,"open\nb,c\n')).toEqual([
      { kind: 'invalid', line: 1, problem: 'quote_unterminated' },
      { kind: 'ok', line: 2, fields: ['b', 'c'] },
    ])
  })

  it('resumes after a misplaced quote on the next line', () => {
    expect(read('"a\nb"c,d\ne')).toEqual([
      { kind: 'invalid', line: 1, problem: 'quote_misplaced' },
      { kind: 'ok', line: 3, fields: ['e'] },
    ])
  })
})
