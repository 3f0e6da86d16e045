import { describe, expect, it } from 'vitest'
import { pickLanguage } from './language'

describe('pickLanguage', () => {
  it.each([
    ['en', 'en'],
    ['en-US;q=0.9', 'en'],
    ['EN-gb', 'en'],
    ['zh', 'zh'],
    ['zh-CN,zh;q=0.9,en;q=0.8', 'zh'],
    ['en-US,en;q=0.9,zh-CN;q=0.8', 'en'],
    ['zh;q=0.5, en;q=0.8', 'en'],
    ['fr-FR,fr;q=0.9,en;q=0.5', 'en'],
    ['fr-FR, de', 'zh'],
    ['en;q=0', 'zh'],
    ['en;q=0, zh-TW', 'zh'],
    ['*', 'zh'],
    ['', 'zh'],
    ['en;q=abc', 'en'],
    [',,;', 'zh'],
  ])('picks %j as %s', (header, language) => {
    expect(pickLanguage(header)).toBe(language)
  })

  it('defaults to Chinese without a header', () => {
    expect(pickLanguage(undefined)).toBe('zh')
  })

  it('keeps header order between equal q values', () => {
    expect(pickLanguage('en;q=0.8, zh;q=0.8')).toBe('en')
    expect(pickLanguage('zh;q=0.8, en;q=0.8')).toBe('zh')
  })

  it('does not take English for a tag that only starts with en', () => {
    expect(pickLanguage('eng, en;q=0.1')).toBe('en')
    expect(pickLanguage('enx')).toBe('zh')
  })
})
