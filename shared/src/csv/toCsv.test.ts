import { describe, expect, it } from 'vitest'
import { readCsvRecords } from './readRecords'
import { toCsv } from './toCsv'

describe('toCsv', () => {
  it('ends every row with CRLF', () => {
    expect(toCsv([['a', 'b'], ['c', 'd']])).toBe('a,b\r\nc,d\r\n')
  })

  it('quotes commas, quotes and line breaks', () => {
    expect(toCsv([['a,b', 'say "hi"', 'two\nlines', 'cr\rlf']])).toBe(
      '"a,b","say ""hi""","two\nlines","cr\rlf"\r\n',
    )
  })

  it('leaves plain text and empty cells unquoted', () => {
    expect(toCsv([['文三路菜市场', '', 'x']])).toBe('文三路菜市场,,x\r\n')
  })

  it.each([
    ['=SUM(A1:A2)', "'=SUM(A1:A2)"],
    ['+86 138', "'+86 138"],
    ['-5', "'-5"],
    ['@cmd', "'@cmd"],
    ['\t=1', "'\t=1"],
  ])('neutralises the formula cell %j', (cell, written) => {
    expect(toCsv([[cell]])).toBe(`${written}\r\n`)
  })

  it('neutralises and quotes a cell starting with CR', () => {
    expect(toCsv([['\r=1+1']])).toBe(`"'\r=1+1"\r\n`)
  })

  it('neutralises a formula that needs quoting', () => {
    expect(toCsv([['=HYPERLINK("http://x","y")']])).toBe(
      `"'=HYPERLINK(""http://x"",""y"")"\r\n`,
    )
  })

  it('leaves a formula character after the start', () => {
    expect(toCsv([['a=b', 'x-1']])).toBe('a=b,x-1\r\n')
  })

  it('prefixes a byte order mark on request', () => {
    expect(toCsv([['a']], { bom: true })).toBe('\uFEFFa\r\n')
  })

  it('writes text the reader reads back', () => {
    const rows = [
      ['plain', 'with, comma', 'with "quote"'],
      ['multi\r\nline', '', '文三路'],
    ]
    const read = [...readCsvRecords(toCsv(rows))]
    expect(read).toEqual([
      { kind: 'ok', line: 1, fields: rows[0] },
      { kind: 'ok', line: 2, fields: rows[1] },
    ])
  })
})
