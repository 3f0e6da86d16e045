import { expect } from 'vitest'
import { nextCreditCode, nextMainlandId, nextPhone } from './ids'
import type { TestStack } from './stack'

// The people of the check-in tests, each signed in through the real
// routes: residents with a declaration, businesses with venues and their
// guards.

export const CLEAN = { symptoms: false, travel: ['none'], contact: 'none' }
export const SYMPTOMS = { symptoms: true, travel: ['none'], contact: 'none' }
export const CONFIRMED_CONTACT = {
  symptoms: false,
  travel: ['none'],
  contact: 'confirmed',
}

export type Person = {
  token: string
  phone: { raw: string; e164: string }
}

export type Resident = Person & {
  residentId: string
  documentNumber: string
}

export async function signedIn(stack: TestStack): Promise<Person> {
  const phone = nextPhone()
  return { token: await stack.signIn(phone.raw, phone.e164), phone }
}

/**
 * Registers a resident and declares `answers`, or nothing when null. The
 * name is 王小明 and the document a Hangzhou mainland ID.
 */
export async function resident(
  stack: TestStack,
  answers: unknown = CLEAN,
  documentNumber = nextMainlandId(),
): Promise<Resident> {
  const person = await signedIn(stack)
  const registered = await stack.request({
    method: 'POST',
    path: '/v1/residents',
    token: person.token,
    body: {
      name: '王小明',
      document: { type: 'mainland_id', number: documentNumber },
      phone: person.phone.raw,
    },
  })
  expect(registered.status).toBe(201)
  if (answers !== null) {
    const declared = await stack.request({
      method: 'POST',
      path: '/v1/residents/me/questionnaire',
      token: person.token,
      body: { answers },
    })
    expect(declared.status).toBe(200)
  }
  return {
    ...person,
    residentId: registered.json.id,
    documentNumber,
  }
}

/** Returns a new session with the account's current roles. */
export async function refreshed(stack: TestStack, token: string) {
  const response = await stack.request({
    method: 'POST',
    path: '/v1/auth/refresh',
    token,
  })
  expect(response.status).toBe(200)
  return response.json.token as string
}

/** Signs in, registers a business and returns a session with its role. */
export async function business(stack: TestStack): Promise<Person> {
  const person = await signedIn(stack)
  const registered = await stack.request({
    method: 'POST',
    path: '/v1/businesses',
    token: person.token,
    body: { name: '西湖银泰', creditCode: nextCreditCode() },
  })
  expect(registered.status).toBe(201)
  return { ...person, token: await refreshed(stack, person.token) }
}

export const MARKET = {
  name: '西湖农贸市场',
  address: '杭州市西湖区文三路1号',
  type: 'market',
  location: { lat: 30.2741, lng: 120.1551 },
}

/** Creates a venue and returns its JSON. */
export async function venue(
  stack: TestStack,
  owner: Person,
  overrides: Record<string, unknown> = {},
) {
  const response = await stack.request({
    method: 'POST',
    path: '/v1/venues',
    token: owner.token,
    body: { ...MARKET, ...overrides },
  })
  expect(response.status).toBe(201)
  return response.json
}

/**
 * Adds a new phone as guard of a venue, then signs the guard in, so the
 * session carries the guard role.
 */
export async function guard(
  stack: TestStack,
  owner: Person,
  venueId: string,
): Promise<Person> {
  const phone = nextPhone()
  const added = await stack.request({
    method: 'POST',
    path: `/v1/venues/${venueId}/guards`,
    token: owner.token,
    body: { phone: phone.raw },
  })
  expect(added.status).toBe(201)
  return { token: await stack.signIn(phone.raw, phone.e164), phone }
}

/** Checks a resident in with the QR text of a venue code. */
export function checkIn(
  stack: TestStack,
  person: Person,
  code: string,
  options: { headers?: Record<string, string>; body?: object } = {},
) {
  return stack.request({
    method: 'POST',
    path: '/v1/checkins',
    token: person.token,
    body: { code, ...options.body },
    headers: options.headers,
  })
}
