import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { verifyCodeToken, type PublicKeys } from '@healthcode/shared'
import { launchBrowser } from './browser'
import { callApi, signInOnPage } from './flows'
import { decodeWithJsqr, decodeWithZbar } from './qr'

// A phone no demo resident uses, and a valid mainland ID (Hangzhou, born
// 1990-03-07) whose check character is 6.
const phone = '13900000001'
const idNumber = '330106199003071236'

describe('resident journey in the H5 build', () => {
  let browser: Browser
  let page: Page

  beforeAll(async () => {
    browser = await launchBrowser()
    page = await browser.newPage({ viewport: { width: 414, height: 896 } })
  })

  afterAll(async () => {
    await browser?.close()
  })

  it('signs in with the code from the SMS outbox', async () => {
    await signInOnPage(page, phone)
    await page.waitForSelector('#reg-name')
  })

  it('shows a wrong check character beside the number', async () => {
    await page.fill('#reg-name input', '李雷')
    await page.click('#reg-doc-mainland_id')
    await page.fill('#reg-number input', '330106199003071230')
    await page.click('#reg-submit')
    const error = page.locator('#field-error-document\\.number')
    await error.waitFor()
    expect(await error.textContent()).toMatch(/不匹配/)
  })

  it('registers with a full-width number', async () => {
    const fullWidth = idNumber.replace(/\d/g, (d) =>
      String.fromCharCode(d.charCodeAt(0) + 0xfee0),
    )
    await page.fill('#reg-number input', fullWidth)
    await page.click('#reg-submit')
    await page.waitForSelector('#q-submit')
  })

  it('rates a resident with symptoms yellow', async () => {
    const questionnaire = await callApi<{
      questions: { id: string; kind: string; options?: { value: string }[] }[]
    }>('GET', '/v1/questionnaire')
    const [symptoms, ...others] = questionnaire.questions
    expect(symptoms.kind).toBe('boolean')
    await page.click(`#q-${symptoms.id}-yes`)
    for (const question of others) {
      const none = question.kind === 'boolean' ? 'no' : 'none'
      await page.click(`#q-${question.id}-${none}`)
    }
    await page.click('#q-submit')
    const block = page.locator('#home-color')
    await block.waitFor()
    await expect
      .poll(() => block.getAttribute('data-color'), { timeout: 10_000 })
      .toBe('yellow')
  })

  it('shows the masked name, reasons and the end date', async () => {
    expect(await page.textContent('#home-name')).toContain('*雷')
    expect(await page.textContent('#home-reasons')).not.toBe('')
    expect(await page.textContent('#home-until')).toMatch(/\d{4}/)
  })

  it('draws a QR code that decodes to a signed code', async () => {
    const canvas = page.locator('#home-qr')
    await page.waitForTimeout(1_000)
    const png = await canvas.screenshot()
    const jsqrText = decodeWithJsqr(png)
    const zbarText = await decodeWithZbar(png, join(tmpdir(), 'hc-qr.png'))
    expect(jsqrText).not.toBeNull()
    expect(zbarText).toBe(jsqrText)

    const keys = await callApi<PublicKeys>('GET', '/v1/keys')
    const verified = verifyCodeToken(zbarText, {
      keys: keys.keys,
      issuer: keys.city,
      now: new Date(),
    })
    expect(verified.kind).toBe('ok')
    if (verified.kind !== 'ok') return
    expect(verified.claims.col).toBe('yellow')
  })

  it('switches the page to English', async () => {
    await page.click('#lang-en')
    await expect
      .poll(() => page.textContent('#home-color'), { timeout: 5_000 })
      .toMatch(/yellow/i)
  })
})
