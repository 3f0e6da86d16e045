import { execFile } from 'node:child_process'
import { join } from 'node:path'
import { promisify } from 'node:util'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { launchBrowser } from './browser'
import { callApi, newResidentOnPage, signInByPhone } from './flows'

const run = promisify(execFile)
const root = join(__dirname, '..')

// Phones no other test uses; each signs in once.
const operatorPhone = '13700000031'
const businessPhone = '13900000030'
const casePhone = '13900000031'
const contactPhone = '13900000032'
const casePassport = 'E2ECASE01'
const venueName = '体育场路农贸市场'

// Grants the operator role with the command-line tool, as a deployer would.
async function createOperator(phone: string) {
  const tsx = join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs')
  const cli = join(root, 'cloudfunctions', 'src', 'operators', 'cli.ts')
  const args = [tsx, cli, 'create', '--stage', 'local', '--phone', phone]
  await run(process.execPath, args, {
    env: {
      ...process.env,
      DYNAMODB_ENDPOINT: inject('dynamodbEndpoint'),
      SECRETS_FILE: inject('secretsFile'),
      TABLE_PREFIX: 'hc-local',
    },
  })
}

function noRiskAnswer(kind: string): boolean | string | string[] {
  if (kind === 'boolean') return false
  if (kind === 'single') return 'none'
  return ['none']
}

// A venue, and a case who checked in there, made through the API because
// the check-in path has its own end-to-end test.
async function venueVisitedByCase(): Promise<string> {
  const owner = await signInByPhone(businessPhone)
  await callApi('POST', '/v1/businesses', {
    token: owner,
    status: 201,
    body: {
      name: '体育场路市场管理公司',
      creditCode: '91330100MA27XK6P3P',
    },
  })
  const { token } = await callApi<{ token: string }>(
    'POST',
    '/v1/auth/refresh',
    { token: owner },
  )
  const venue = await callApi<{ codeText: string }>('POST', '/v1/venues', {
    token,
    status: 201,
    body: {
      name: venueName,
      address: '杭州市下城区体育场路 8 号',
      type: 'market',
    },
  })

  const patient = await signInByPhone(casePhone)
  await callApi('POST', '/v1/residents', {
    token: patient,
    status: 201,
    body: {
      name: 'Case Person',
      phone: casePhone,
      document: { type: 'passport', country: 'GBR', number: casePassport },
    },
  })
  const questionnaire = await callApi<{
    questions: { id: string; kind: string }[]
  }>('GET', '/v1/questionnaire')
  const answers = Object.fromEntries(
    questionnaire.questions.map((q) => [q.id, noRiskAnswer(q.kind)]),
  )
  await callApi('POST', '/v1/residents/me/questionnaire', {
    token: patient,
    body: { answers },
  })
  await callApi('POST', '/v1/checkins', {
    token: patient,
    status: 201,
    body: { code: venue.codeText },
  })
  return venue.codeText
}

function todayInShanghai(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' })
    .format(new Date())
}

async function colorOf(page: Page): Promise<string | null> {
  await page.reload()
  await page.waitForSelector('#home-color')
  return page.getAttribute('#home-color', 'data-color')
}

describe('an outbreak in the local stack', () => {
  let browser: Browser
  let operator: Page
  let contact: Page
  let venueCode = ''

  beforeAll(async () => {
    browser = await launchBrowser()
    await createOperator(operatorPhone)
    venueCode = await venueVisitedByCase()
  })

  afterAll(async () => {
    await browser?.close()
  })

  it('checks in a contact at the same venue', async () => {
    contact = await browser.newPage({ viewport: { width: 414, height: 896 } })
    await newResidentOnPage(contact, contactPhone, {
      name: '赵敏',
      document: { type: 'mainland_id', number: '11010519491231002X' },
    })
    await contact.click('#nav-checkin')
    await contact.fill('#checkin-code input', venueCode)
    await contact.click('#checkin-submit')
    await contact.waitForSelector('#pass-qr')
  })

  it('lets an operator report the case', async () => {
    operator = await browser.newPage({ viewport: { width: 1024, height: 900 } })
    await newResidentOnPage(operator, operatorPhone, {
      name: 'Operator One',
      document: { type: 'passport', country: 'FRA', number: 'E2EOPS001' },
    })
    await operator.click('#nav-operator')
    await operator.click('#op-tab-cases')
    await operator.click('#op-case-doc-passport')
    await operator.fill('#op-case-country input', 'GBR')
    await operator.fill('#op-case-number input', casePassport)
    await operator.click('#op-case-kind-confirmed')
    await operator.fill('#op-case-onset input', todayInShanghai())
    await operator.click('#op-case-submit')
    const result = operator.locator('#op-case-result')
    await result.waitFor()
    expect(await result.getAttribute('data-outcome')).toBe('success')
  })

  it('turns the contact red with the venue as the reason', async () => {
    await contact.goto(inject('webUrl'))
    await expect
      .poll(() => colorOf(contact), { timeout: 30_000, interval: 1_000 })
      .toBe('red')
    const reasons = await contact.textContent('#home-reasons')
    expect(reasons).toContain(venueName)
    expect(reasons).not.toContain('Case Person')
  })

  it('files an appeal that the operator approves', async () => {
    await contact.click('#nav-appeals')
    const message = '我当时在市场外面，没有进去。'
    await contact.fill('#appeal-message textarea', message)
    await contact.click('#appeal-submit')
    const item = contact.locator('[id^="appeal-item-"]').first()
    await item.waitFor()
    expect(await item.getAttribute('data-status')).toBe('pending')
    const itemId = (await item.getAttribute('id')) ?? ''
    const appealId = itemId.replace('appeal-item-', '')

    await operator.click('#op-tab-appeals')
    await operator.waitForSelector(`#op-appeal-${appealId}`)
    const reason = '监控记录显示未进入市场。'
    await operator.fill('#op-appeal-reason input', reason)
    await operator.click(`#op-appeal-approve-${appealId}`)
    await operator.waitForSelector('#op-appeal-result')

    await contact.reload()
    await expect
      .poll(() => item.getAttribute('data-status'), { timeout: 10_000 })
      .toBe('approved')
    await contact.goto(inject('webUrl'))
    await expect.poll(() => colorOf(contact)).toBe('green')
  })
})
