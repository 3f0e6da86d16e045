import { describe, expect, it } from 'vitest'
import { parseName } from './name'

describe('parseName', () => {
  it.each([
    '张三',
    '买买提·艾力',
    "Anna-Lena O'Brien",
    'José María García',
    'Nguyễn Văn An',
    'Ólafur Darri',
    'هاشم',
    'Владимир',
    'ひろし',
    'A',
  ])('accepts %s unchanged', (name) => {
    expect(parseName(name)).toEqual({ kind: 'ok', name })
  })

  it('trims and collapses spaces', () => {
    expect(parseName('  José   María  ')).toEqual({
      kind: 'ok',
      name: 'José María',
    })
  })

  it('turns an ideographic space into a plain one', () => {
    expect(parseName('José\u3000María')).toEqual({
      kind: 'ok',
      name: 'José María',
    })
  })

  it.each([
    ['U+30FB', '买买提\u30fb艾力'],
    ['U+2022', '买买提\u2022艾力'],
    ['U+2027', '买买提\u2027艾力'],
    ['U+FF65', '买买提\uff65艾力'],
  ])('normalises the middle dot %s to U+00B7', (_label, raw) => {
    expect(parseName(raw)).toEqual({ kind: 'ok', name: '买买提·艾力' })
  })

  it.each([
    ['U+2019', 'O\u2019Brien'],
    ['U+02BC', 'O\u02bcBrien'],
    ['a full-width apostrophe', 'O\uff07Brien'],
  ])('normalises the apostrophe %s', (_label, raw) => {
    expect(parseName(raw)).toEqual({ kind: 'ok', name: "O'Brien" })
  })

  it('composes a decomposed letter with NFKC', () => {
    expect(parseName('Jose\u0301')).toEqual({ kind: 'ok', name: 'José' })
  })

  it('accepts a combining mark after the last letter', () => {
    const hindi = 'हिन्दी'
    expect(parseName(hindi)).toEqual({ kind: 'ok', name: hindi })
  })

  it('accepts 100 characters', () => {
    const name = '张'.repeat(100)
    expect(parseName(name)).toEqual({ kind: 'ok', name })
  })

  it.each([
    ['digits', 'Anna 2'],
    ['markup', '<script>'],
    ['a formula', '=1+1'],
    ['an at sign', '@x'],
    ['empty input', ''],
    ['only spaces', '   '],
    ['a newline', '张\n三'],
    ['a tab', 'Anna\tLena'],
    ['a trailing newline', '张三\n'],
    ['a null character', '张\u0000三'],
    ['a zero-width joiner', 'An\u200dna'],
    ['a leading hyphen', '-Anna'],
    ['a trailing apostrophe', "O'"],
    ['a trailing middle dot', '艾力·'],
    ['two separators in a row', 'Anna--Lena'],
    ['101 characters', '张'.repeat(101)],
    ['a leading combining mark', '\u0301Anna'],
  ])('rejects %s', (_label, raw) => {
    expect(parseName(raw)).toEqual({ kind: 'invalid', code: 'NAME_INVALID' })
  })
})
