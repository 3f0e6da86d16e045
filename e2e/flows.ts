import type { Page } from 'playwright-core'
import { expect, inject } from 'vitest'
// @ts-expect-error The launcher is plain JavaScript shared with npm start.
import { readOtp, signIn as signInByApi } from '../scripts/lib/demo.mjs'

export const apiUrl = inject('apiUrl')
export const webUrl = inject('webUrl')
export const outboxFile = inject('outboxFile')

/** Signs in on the H5 sign-in page with the code from the SMS outbox. */
export async function signInOnPage(page: Page, phone: string) {
  await page.goto(webUrl)
  await page.fill('#login-phone input', phone)
  await page.click('#login-send')
  const code: string = await readOtp(outboxFile, phone)
  await page.fill('#login-code input', code)
  await page.click('#login-submit')
}

/** Returns a session token for phone, signed in through the API. */
export function signInByPhone(phone: string): Promise<string> {
  return signInByApi(apiUrl, outboxFile, phone)
}

/** Calls the API and returns the JSON body, expecting the given status. */
export async function callApi<T>(
  method: string,
  path: string,
  options: { token?: string; body?: unknown; status?: number } = {},
): Promise<T> {
  const response = await fetch(apiUrl + path, {
    method,
    headers: {
      'content-type': 'application/json',
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
    },
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  })
  const payload = await response.json()
  expect(response.status, JSON.stringify(payload)).toBe(options.status ?? 200)
  return payload as T
}

type QuestionnaireView = {
  questions: { id: string; kind: 'boolean' | 'single' | 'multiple' }[]
}

/** Answers the questionnaire on the page with no risk at all. */
export async function answerAllClear(page: Page) {
  const questionnaire = await callApi<QuestionnaireView>(
    'GET',
    '/v1/questionnaire',
  )
  for (const question of questionnaire.questions) {
    const none = question.kind === 'boolean' ? 'no' : 'none'
    await page.click(`#q-${question.id}-${none}`)
  }
  await page.click('#q-submit')
}

type Person = {
  name: string
  document:
    | { type: 'mainland_id'; number: string }
    | { type: 'passport'; country: string; number: string }
}

/**
 * Signs in as a new phone, registers on the page and answers the
 * questionnaire with no risk, ending on the home page with a green code.
 */
export async function newResidentOnPage(
  page: Page,
  phone: string,
  person: Person,
) {
  await signInOnPage(page, phone)
  await page.fill('#reg-name input', person.name)
  await page.click(`#reg-doc-${person.document.type}`)
  if (person.document.type === 'passport') {
    await page.fill('#reg-country input', person.document.country)
  }
  await page.fill('#reg-number input', person.document.number)
  await page.click('#reg-submit')
  await page.waitForSelector('#q-submit')
  await answerAllClear(page)
  await page.waitForSelector('#home-color[data-color="green"]')
}
