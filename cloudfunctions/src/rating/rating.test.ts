import { QueryCommand } from '@aws-sdk/lib-dynamodb'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { nextMainlandId, nextPhone } from '../../test/ids'
import { createTestStack, type TestStack } from '../../test/stack'

// 10:00 on 10 February in Hangzhou (UTC+8).
const START = '2026-02-10T02:00:00.000Z'
// 00:00 on 10 February in Hangzhou, where a declaration's reasons begin.
const DAY_START = '2026-02-09T16:00:00.000Z'
// Yellow lasts 7 days: green again at 00:00 on 18 February in Hangzhou.
const YELLOW_UNTIL = '2026-02-17T16:00:00.000Z'
// Red lasts 14 days: green again at 00:00 on 25 February in Hangzhou.
const RED_UNTIL = '2026-02-24T16:00:00.000Z'

const CLEAN = { symptoms: false, travel: ['none'], contact: 'none' }
const SYMPTOMS = { symptoms: true, travel: ['none'], contact: 'none' }
const CONFIRMED_CONTACT = {
  symptoms: false,
  travel: ['none'],
  contact: 'confirmed',
}

let stack: TestStack

let lastPhone = nextPhone()

async function registeredResident(): Promise<string> {
  const phone = nextPhone()
  lastPhone = phone
  const token = await stack.signIn(phone.raw, phone.e164)
  const response = await stack.request({
    method: 'POST',
    path: '/v1/residents',
    token,
    body: {
      name: '李四',
      document: { type: 'mainland_id', number: nextMainlandId() },
      phone: phone.raw,
    },
  })
  expect(response.status).toBe(201)
  return token
}

function declare(token: string, answers: unknown, language = 'zh') {
  return stack.request({
    method: 'POST',
    path: '/v1/residents/me/questionnaire',
    token,
    headers: { 'accept-language': language },
    body: { answers },
  })
}

function status(token: string) {
  return stack.request({
    method: 'GET',
    path: '/v1/residents/me/status',
    token,
  })
}

async function auditOf(residentId: string) {
  const output = await stack.runtime.db.send(
    new QueryCommand({
      TableName: stack.runtime.tables.audit,
      KeyConditionExpression: 'residentId = :residentId',
      ExpressionAttributeValues: { ':residentId': residentId },
    }),
  )
  return output.Items ?? []
}

async function residentIdOf(token: string): Promise<string> {
  const me = await stack.request({
    method: 'GET',
    path: '/v1/residents/me',
    token,
  })
  return me.json.id as string
}

beforeAll(async () => {
  stack = await createTestStack({ start: START })
})

beforeEach(() => {
  stack.clock.set(START)
})

afterAll(async () => {
  await stack.close()
})

describe('GET /v1/questionnaire', () => {
  it('returns the questions in the caller language', async () => {
    const response = await stack.request({
      method: 'GET',
      path: '/v1/questionnaire',
      headers: { 'accept-language': 'en-US' },
    })
    expect(response.status).toBe(200)
    expect(response.json.city).toBe('hangzhou')
    expect(response.json.questions.map((q: { id: string }) => q.id)).toEqual([
      'symptoms',
      'travel',
      'contact',
    ])
    expect(response.json.questions[0].label).toMatch(/^In the last 14 days/)
  })
})

describe('POST /v1/residents/me/questionnaire', () => {
  it('rates a clean declaration green', async () => {
    const token = await registeredResident()
    const response = await declare(token, CLEAN)
    expect(response.status).toBe(200)
    expect(response.json).toEqual({
      rated: true,
      color: 'green',
      until: null,
      reasons: [],
      rulesVersion: '2026-01-20.1',
      evaluatedAt: START,
    })
  })

  it('rates reported symptoms yellow with until and reasons', async () => {
    const token = await registeredResident()
    const response = await declare(token, SYMPTOMS, 'en')
    expect(response.json.color).toBe('yellow')
    expect(response.json.until).toBe(YELLOW_UNTIL)
    expect(response.json.reasons).toEqual([
      {
        rule: 'questionnaire.symptoms',
        color: 'yellow',
        since: DAY_START,
        until: YELLOW_UNTIL,
        text: 'You reported a fever, a cough or other symptoms in the last 14 days',
      },
    ])
  })

  it('rates a confirmed contact red for 14 days', async () => {
    const token = await registeredResident()
    const response = await declare(token, CONFIRMED_CONTACT)
    expect(response.json.color).toBe('red')
    expect(response.json.until).toBe(RED_UNTIL)
  })

  it('keeps yellow when a clean declaration follows', async () => {
    const token = await registeredResident()
    await declare(token, SYMPTOMS)
    stack.clock.advanceSeconds(3600)
    const response = await declare(token, CLEAN)
    expect(response.json.color).toBe('yellow')
    expect(response.json.until).toBe(YELLOW_UNTIL)
  })

  it('rejects answers that do not fit the questionnaire', async () => {
    const token = await registeredResident()
    const before = await stack.snapshot()
    const response = await declare(
      token,
      { symptoms: 'yes', travel: ['none', 'wuhan'], unknown: true },
      'en',
    )
    expect(response.status).toBe(400)
    expect(response.json.code).toBe('QUESTIONNAIRE_INVALID')
    expect(response.json.errors).toEqual([
      {
        field: 'answers.symptoms',
        code: 'wrong_type',
        message:
          'The answer does not fit this kind of question. Choose again.',
      },
      {
        field: 'answers.travel',
        code: 'conflicting_options',
        message: expect.any(String),
      },
      { field: 'answers.contact', code: 'missing', message: expect.any(String) },
      {
        field: 'answers.unknown',
        code: 'unknown_question',
        message: expect.any(String),
      },
    ])
    expect(await stack.snapshot()).toEqual(before)
  })

  it('rejects an answer of a type no question has', async () => {
    const token = await registeredResident()
    const response = await declare(token, { ...CLEAN, symptoms: 5 })
    expect(response.status).toBe(400)
    expect(response.json.code).toBe('VALIDATION_FAILED')
    expect(response.json.errors[0]).toMatchObject({
      field: 'answers.symptoms',
      code: 'invalid_type',
    })
  })

  it('requires a registered resident', async () => {
    const phone = nextPhone()
    const token = await stack.signIn(phone.raw, phone.e164)
    const response = await declare(token, CLEAN)
    expect(response.status).toBe(404)
    expect(response.json.code).toBe('NOT_REGISTERED')
  })

  it('keeps both of two concurrent declarations', async () => {
    const token = await registeredResident()
    const responses = await Promise.all([
      declare(token, CLEAN),
      declare(token, CONFIRMED_CONTACT),
    ])
    expect(responses.map((response) => response.status)).toEqual([200, 200])
    expect((await status(token)).json.color).toBe('red')
    const residentId = await residentIdOf(token)
    const stored = (await stack.snapshot()).residents
      ?.map((item) => JSON.parse(String(item)))
      .find((item) => item.residentId === residentId)
    expect(stored.declarations).toHaveLength(2)
    expect(stored.version).toBe(2)
  })
})

describe('rating audit', () => {
  it('records the first rating and each change of color', async () => {
    const token = await registeredResident()
    const residentId = await residentIdOf(token)
    await declare(token, SYMPTOMS)
    stack.clock.advanceSeconds(60)
    await declare(token, SYMPTOMS)
    stack.clock.advanceSeconds(60)
    await declare(token, CONFIRMED_CONTACT)

    const records = await auditOf(residentId)
    expect(records).toHaveLength(2)
    expect(records[0]).toMatchObject({
      kind: 'rating_changed',
      at: START,
      before: null,
      after: 'yellow',
      rules: ['questionnaire.symptoms'],
      rulesVersion: '2026-01-20.1',
      source: 'questionnaire',
      actor: { role: 'resident' },
    })
    expect(records[1]).toMatchObject({
      at: '2026-02-10T02:02:00.000Z',
      before: 'yellow',
      after: 'red',
      rules: ['questionnaire.contact', 'questionnaire.symptoms'],
    })
    expect(typeof records[1]?.actor.accountId).toBe('string')
  })

  it('records nothing when the color stays', async () => {
    const token = await registeredResident()
    await declare(token, CLEAN)
    await declare(token, CLEAN)
    expect(await auditOf(await residentIdOf(token))).toHaveLength(1)
  })
})

describe('GET /v1/residents/me/status', () => {
  it('reports an unrated resident', async () => {
    const token = await registeredResident()
    const response = await status(token)
    expect(response.status).toBe(200)
    expect(response.json).toEqual({ rated: false })
  })

  it('turns yellow into green when the period ends, by time alone', async () => {
    const token = await registeredResident()
    await declare(token, SYMPTOMS)
    const before = await stack.snapshot()

    const phone = lastPhone

    // Sessions last 12 hours, so each check signs in again.
    stack.clock.set('2026-02-17T15:59:59.000Z')
    const lateToken = await stack.signIn(phone.raw, phone.e164)
    const lastYellow = await status(lateToken)
    expect(lastYellow.json.color).toBe('yellow')
    const beforeGreen = await stack.snapshot()

    stack.clock.set(YELLOW_UNTIL)
    const green = await status(lateToken)
    expect(green.json).toEqual({
      rated: true,
      color: 'green',
      until: null,
      reasons: [],
      rulesVersion: '2026-01-20.1',
      evaluatedAt: YELLOW_UNTIL,
    })
    expect(await stack.snapshot()).toEqual(beforeGreen)
    const stored = (snapshot: Record<string, unknown[]>) => snapshot.residents
    expect(stored(beforeGreen)).toEqual(stored(before))
  })

  it('gives reasons in the caller language', async () => {
    const token = await registeredResident()
    await declare(token, SYMPTOMS)
    const response = await status(token)
    expect(response.json.reasons[0].text).toBe('申报近14天内有发热、咳嗽等症状')
  })
})
