import { execFile } from 'node:child_process'
import { mkdtemp, readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchBrowser } from './browser'
import { newResidentOnPage } from './flows'
import { decodeWithJsqr, decodeWithZbar } from './qr'

const run = promisify(execFile)

// Phones no other test uses. Each signs in once, because the city allows
// one one-time password per phone a minute.
const businessPhone = '13900000020'
const residentPhone = '13900000021'
const guardPhone = '13900000022'
// A valid unified social credit code (check character D).
const creditCode = '91330106MA2B3C4D5D'
// A name a spreadsheet or a page would run if it were not shown as text.
const venueName = '=1+1 <b>文三路菜市场</b> @west'

async function decodeCanvas(page: Page, selector: string, file: string) {
  const png = await page.locator(selector).screenshot()
  const text = await decodeWithZbar(png, join(tmpdir(), file))
  expect(decodeWithJsqr(png)).toBe(text)
  return text
}

async function pollAttribute(page: Page, selector: string, name: string) {
  return page.locator(selector).getAttribute(name)
}

describe('check-in with a printed poster', () => {
  let browser: Browser
  let business: Page
  let resident: Page
  let venueId = ''
  let posterText = ''
  let passToken = ''

  beforeAll(async () => {
    browser = await launchBrowser()
    business = await browser.newPage({ acceptDownloads: true })
  })

  afterAll(async () => {
    await browser?.close()
  })

  it('registers a business and a venue', async () => {
    await newResidentOnPage(business, businessPhone, {
      name: 'Wang Fang',
      document: { type: 'passport', country: 'SGP', number: 'E2EBIZ001' },
    })
    await business.click('#nav-business-register')
    await business.fill('#biz-name input', '西湖菜场管理有限公司')
    await business.fill('#biz-credit-code input', creditCode)
    await business.click('#biz-submit')

    await business.click('#venue-new')
    await business.fill('#venue-name input', venueName)
    const address = '杭州市西湖区文三路 1 号'
    await business.fill('#venue-address input', address)
    await business.click('#venue-type-market')
    await business.click('#venue-submit')

    const item = business.locator('[id^="venue-item-"]').first()
    await item.waitFor()
    venueId = (await item.getAttribute('id'))!.replace('venue-item-', '')
    expect(await item.locator('.venue__name').textContent()).toBe(venueName)
  })

  it('downloads a poster whose QR code decodes', async () => {
    const [download] = await Promise.all([
      business.waitForEvent('download'),
      business.click(`#venue-poster-${venueId}`),
    ])
    const folder = await mkdtemp(join(tmpdir(), 'hc-poster-'))
    const pdf = join(folder, 'poster.pdf')
    await download.saveAs(pdf)
    expect((await readFile(pdf)).subarray(0, 5).toString()).toBe('%PDF-')

    const page = join(folder, 'page')
    await run('pdftoppm', ['-r', '100', '-png', '-singlefile', pdf, page])
    const png = await readFile(`${page}.png`)
    posterText = await decodeWithZbar(png, join(folder, 'copy.png'))
    expect(decodeWithJsqr(png)).toBe(posterText)
    expect(posterText).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/c\/hangzhou\//)
  })

  it('adds a guard to the venue', async () => {
    await business.click(`#venue-item-${venueId}`)
    await business.fill('#venue-guard-phone input', guardPhone)
    await business.click('#venue-guard-add')
    await business.waitForSelector('#venue-message')
  })

  it('checks a resident in with the poster text', async () => {
    resident = await browser.newPage({
      viewport: { width: 414, height: 896 },
    })
    const page = resident
    await newResidentOnPage(page, residentPhone, {
      name: '王五',
      document: { type: 'mainland_id', number: '310101198506152345' },
    })
    await page.click('#nav-checkin')
    await page.fill('#checkin-code input', posterText)
    await page.click('#checkin-submit')
    await page.waitForSelector('#pass-qr')

    expect(await page.textContent('#pass-venue')).toBe(venueName)
    expect(await page.locator('#pass-venue b').count()).toBe(0)
    expect(await page.getAttribute('#pass-color', 'data-color')).toBe('green')
    passToken = await decodeCanvas(page, '#pass-qr', 'hc-pass.png')
    expect(passToken.split('.')).toHaveLength(3)
  })

  it('lets the guard admit the pass once', async () => {
    const page = await browser.newPage({
      viewport: { width: 414, height: 896 },
    })
    await newResidentOnPage(page, guardPhone, {
      name: 'Li Qiang',
      document: { type: 'passport', country: 'CAN', number: 'E2EGRD001' },
    })
    await page.click('#nav-guard')
    await page.click(`#guard-venue-${venueId}`)

    await page.fill('#guard-token input', passToken)
    await page.click('#guard-verify')
    await expect
      .poll(() => pollAttribute(page, '#verdict', 'data-code'))
      .toBe('ALLOW')
    expect(await page.getAttribute('#verdict', 'data-verdict')).toBe('allow')

    await page.fill('#guard-token input', passToken)
    await page.click('#guard-verify')
    await expect
      .poll(() => pollAttribute(page, '#verdict', 'data-code'))
      .toBe('ALREADY_USED')
    expect(await page.getAttribute('#verdict', 'data-verdict')).toBe('deny')
  })

  it('checks in when the poster URL opens the app', async () => {
    // A phone camera opens the URL in the browser. The resident is still
    // at the venue, so the server returns the same check-in, new pass.
    await resident.goto(posterText)
    await resident.waitForSelector('#pass-qr')
    expect(await resident.textContent('#pass-venue')).toBe(venueName)
    const token = await decodeCanvas(resident, '#pass-qr', 'hc-pass-2.png')
    expect(token).not.toBe(passToken)
  })
})
