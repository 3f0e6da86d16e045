import { QueryCommand } from '@aws-sdk/lib-dynamodb'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import {
  childBody,
  declareFor,
  dependent,
  operator,
} from '../../test/guardians'
import {
  CLEAN,
  CONFIRMED_CONTACT,
  resident,
  SYMPTOMS,
  type Person,
} from '../../test/people'
import { createTestStack, type TestStack } from '../../test/stack'
import { factStoreOf } from '../facts/service'
import { appealDependencies } from './handler'
import { decideAppeal } from './service'

// 10:00 on 10 February in Hangzhou (UTC+8).
const START = '2026-02-10T02:00:00.000Z'
// An hour later, when operators decide.
const DECIDED = '2026-02-10T03:00:00.000Z'
// 00:00 on 10 February in Hangzhou, where that day's reasons begin.
const DAY_START = '2026-02-09T16:00:00.000Z'
// Yellow lasts 7 days: green again at 00:00 on 18 February in Hangzhou.
const YELLOW_UNTIL = '2026-02-17T16:00:00.000Z'
// Red lasts 14 days: green again at 00:00 on 25 February in Hangzhou.
const RED_UNTIL = '2026-02-24T16:00:00.000Z'

const SYMPTOMS_TEXT =
  'You reported a fever, a cough or other symptoms in the last 14 days'
const CONTACT_TEXT =
  'You reported contact with a confirmed case in the last 14 days'
const SYMPTOMS_AND_CONTACT = { ...SYMPTOMS, contact: 'confirmed' }
const MESSAGE = '我只是花粉过敏，没有发烧。'

let stack: TestStack
let officer: Person

beforeAll(async () => {
  stack = await createTestStack({ start: START })
  officer = await operator(stack)
})

beforeEach(() => {
  stack.clock.set(START)
})

afterAll(async () => {
  await stack.close()
})

function get(person: Person, path: string, language = 'en') {
  return stack.request({
    method: 'GET',
    path,
    token: person.token,
    headers: { 'accept-language': language },
  })
}

function post(person: Person, path: string, body?: unknown, language = 'en') {
  return stack.request({
    method: 'POST',
    path,
    token: person.token,
    body,
    headers: { 'accept-language': language },
  })
}

async function fileAppeal(person: Person, body: Record<string, unknown> = {}) {
  const response = await post(person, '/v1/residents/me/appeals', {
    message: MESSAGE,
    ...body,
  })
  expect(response.status).toBe(201)
  return response.json
}

function decide(appealId: string, body: Record<string, unknown>) {
  stack.clock.set(DECIDED)
  return post(officer, `/v1/appeals/${appealId}/decision`, body)
}

async function auditOf(partition: string) {
  const output = await stack.runtime.db.send(
    new QueryCommand({
      TableName: stack.runtime.tables.audit,
      KeyConditionExpression: 'residentId = :partition',
      ExpressionAttributeValues: { ':partition': partition },
    }),
  )
  return output.Items ?? []
}

// The account id of a session, its `sub` claim.
function accountIdOf(person: Person): string {
  const payload = person.token.split('.')[1] ?? ''
  return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')).sub
}

describe('POST /v1/residents/me/appeals', () => {
  it('files an appeal with a snapshot of the reasons', async () => {
    const person = await resident(stack, SYMPTOMS)
    const response = await post(person, '/v1/residents/me/appeals', {
      message: MESSAGE,
    })
    expect(response.status).toBe(201)
    expect(response.json).toEqual({
      id: expect.any(String),
      residentId: person.residentId,
      filedAt: START,
      status: 'pending',
      message: MESSAGE,
      rules: ['questionnaire.symptoms'],
      snapshot: {
        color: 'yellow',
        until: YELLOW_UNTIL,
        reasons: [
          {
            rule: 'questionnaire.symptoms',
            color: 'yellow',
            since: DAY_START,
            until: YELLOW_UNTIL,
            text: SYMPTOMS_TEXT,
          },
        ],
      },
      decision: null,
    })
  })

  it('stores the message encrypted', async () => {
    const person = await resident(stack, SYMPTOMS)
    const appeal = await fileAppeal(person)
    const output = await stack.runtime.db.send(
      new QueryCommand({
        TableName: stack.runtime.tables.appeals,
        KeyConditionExpression: 'appealId = :id',
        ExpressionAttributeValues: { ':id': appeal.id },
      }),
    )
    expect(JSON.stringify(output.Items)).not.toContain(MESSAGE)
    expect(stack.output.text()).not.toContain(MESSAGE)
  })

  it('allows one pending appeal per resident', async () => {
    const person = await resident(stack, SYMPTOMS)
    await fileAppeal(person)
    const second = await post(person, '/v1/residents/me/appeals', {
      message: 'Second try',
    })
    expect(second.status).toBe(409)
    expect(second.json.code).toBe('APPEAL_PENDING')
  })

  it('rejects rules that are not current reasons', async () => {
    const person = await resident(stack, SYMPTOMS)
    const response = await post(person, '/v1/residents/me/appeals', {
      message: MESSAGE,
      rules: ['questionnaire.travel'],
    })
    expect(response.status).toBe(400)
    expect(response.json.errors).toEqual([
      {
        field: 'rules',
        code: 'rule_not_current',
        message:
          'Rules: questionnaire.travel are not among the current reasons. ' +
          'Choose only reasons the code shows now.',
      },
    ])
  })

  it('has nothing to appeal on a green code', async () => {
    const person = await resident(stack, CLEAN)
    const response = await post(person, '/v1/residents/me/appeals', {
      message: MESSAGE,
    })
    expect(response.status).toBe(409)
    expect(response.json.code).toBe('APPEAL_NOTHING_TO_APPEAL')
  })

  it.each([
    ['an empty message', ''],
    ['a message over 1000 characters', '长'.repeat(1001)],
  ])('rejects %s', async (_name, message) => {
    const person = await resident(stack, SYMPTOMS)
    const response = await post(person, '/v1/residents/me/appeals', {
      message,
    })
    expect(response.status).toBe(400)
    expect(response.json.errors[0].field).toBe('message')
  })

  it("files a dependent's appeal for their guardian only", async () => {
    const guardian = await resident(stack, CLEAN)
    const stranger = await resident(stack, CLEAN)
    const child = await dependent(stack, guardian)
    await declareFor(stack, guardian, child.id, SYMPTOMS)
    const appeal = await fileAppeal(guardian, { residentId: child.id })
    expect(appeal.residentId).toBe(child.id)

    const denied = await post(stranger, '/v1/residents/me/appeals', {
      message: MESSAGE,
      residentId: child.id,
    })
    expect(denied.status).toBe(404)
    expect(denied.json.code).toBe('NOT_FOUND')

    const own = await get(guardian, '/v1/residents/me/appeals')
    expect(own.json.items.map((item: { id: string }) => item.id)).toEqual([
      appeal.id,
    ])
    const strangers = await get(stranger, '/v1/residents/me/appeals')
    expect(strangers.json.items).toEqual([])
  })
})

describe('operator routes', () => {
  it('are forbidden to residents', async () => {
    const person = await resident(stack, SYMPTOMS)
    const appeal = await fileAppeal(person)
    const list = await get(person, '/v1/appeals?status=pending')
    expect(list.status).toBe(403)
    expect(list.json.code).toBe('FORBIDDEN_ROLE')
    const decided = await post(person, `/v1/appeals/${appeal.id}/decision`, {
      decision: 'approve',
      reason: 'I approve my own appeal',
    })
    expect(decided.status).toBe(403)
    expect(decided.json.code).toBe('FORBIDDEN_ROLE')
  })

  it('list pending appeals oldest first with masked names', async () => {
    const first = await resident(stack, SYMPTOMS)
    const older = await fileAppeal(first)
    stack.clock.advanceSeconds(60)
    const second = await resident(stack, CONFIRMED_CONTACT)
    const newer = await fileAppeal(second)

    const response = await get(officer, '/v1/appeals?status=pending')
    expect(response.status).toBe(200)
    expect(response.json.nextCursor).toBeNull()
    const ids = response.json.items.map((item: { id: string }) => item.id)
    expect(ids.indexOf(older.id)).toBeLessThan(ids.indexOf(newer.id))
    const item = response.json.items.find(
      (candidate: { id: string }) => candidate.id === newer.id,
    )
    expect(item).toMatchObject({
      residentId: second.residentId,
      maskedName: '**明',
      status: 'pending',
      message: MESSAGE,
      snapshot: { color: 'red', until: RED_UNTIL },
    })
  })

  it('audit each list as a read of personal data', async () => {
    const person = await resident(stack, SYMPTOMS)
    const appeal = await fileAppeal(person)
    const response = await get(officer, '/v1/appeals')
    expect(response.status).toBe(200)
    const records = await auditOf(`operator#${accountIdOf(officer)}`)
    const reads = records.filter(
      (record) => record.what === 'appeals' && record.at === START,
    )
    expect(reads).toEqual([
      expect.objectContaining({
        kind: 'personal_data_read',
        actor: { accountId: accountIdOf(officer), role: 'operator' },
        query: { status: 'pending' },
        residentCount: response.json.items.length,
        appealIds: response.json.items.map((item: { id: string }) => item.id),
      }),
    ])
    expect(reads[0]?.appealIds).toContain(appeal.id)
  })

  it('reject a cursor they did not issue', async () => {
    const response = await get(officer, '/v1/appeals?cursor=bm90LWEtY3Vyc29y')
    expect(response.status).toBe(400)
    expect(response.json.errors).toEqual([
      expect.objectContaining({ field: 'cursor', code: 'invalid_value' }),
    ])
  })

  it('reject an unknown status', async () => {
    const response = await get(officer, '/v1/appeals?status=open')
    expect(response.status).toBe(400)
    expect(response.json.code).toBe('VALIDATION_FAILED')
  })

  it('find no appeal under an unknown id', async () => {
    const response = await decide('no-such-appeal', {
      decision: 'approve',
      reason: 'Checked',
    })
    expect(response.status).toBe(404)
    expect(response.json.code).toBe('NOT_FOUND')
  })
})

describe('POST /v1/appeals/{id}/decision', () => {
  it('approves an appeal and turns the code green', async () => {
    const person = await resident(stack, SYMPTOMS)
    const appeal = await fileAppeal(person)
    const response = await decide(appeal.id, {
      decision: 'approve',
      reason: 'The clinic confirmed an allergy',
    })
    expect(response.status).toBe(200)
    expect(response.json).toMatchObject({
      id: appeal.id,
      status: 'approved',
      maskedName: '**明',
      decision: {
        decision: 'approve',
        reason: 'The clinic confirmed an allergy',
        rules: ['questionnaire.symptoms'],
        decidedAt: DECIDED,
      },
    })

    const status = await get(person, '/v1/residents/me/status')
    expect(status.json).toEqual({
      rated: true,
      color: 'green',
      until: null,
      reasons: [
        {
          rule: 'appeal.approved',
          color: 'green',
          since: DECIDED,
          until: YELLOW_UNTIL,
          text:
            'Your appeal was approved on 2026-02-10, so these reasons no ' +
            `longer count: ${SYMPTOMS_TEXT}. The operator wrote: The ` +
            'clinic confirmed an allergy',
        },
      ],
      rulesVersion: '2026-01-20.1',
      evaluatedAt: DECIDED,
    })
    const code = await get(person, '/v1/residents/me/code')
    expect(code.json.color).toBe('green')
  })

  it('audits the decision and the color change', async () => {
    const person = await resident(stack, SYMPTOMS)
    const appeal = await fileAppeal(person)
    await decide(appeal.id, { decision: 'approve', reason: 'Allergy' })
    const records = await auditOf(person.residentId)
    const operatorId = accountIdOf(officer)
    expect(records.filter((record) => record.at === DECIDED)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          kind: 'operator_action',
          action: 'appeal_approved',
          target: appeal.id,
          actor: { accountId: operatorId, role: 'operator' },
          before: { status: 'pending' },
          after: { status: 'approved', rules: ['questionnaire.symptoms'] },
        }),
        expect.objectContaining({
          kind: 'rating_changed',
          actor: { accountId: operatorId, role: 'operator' },
          source: 'appeal',
          before: 'yellow',
          after: 'green',
        }),
      ]),
    )
  })

  it('clears only the approved rules', async () => {
    const person = await resident(stack, SYMPTOMS_AND_CONTACT)
    const appeal = await fileAppeal(person)
    expect(appeal.rules).toEqual([
      'questionnaire.contact',
      'questionnaire.symptoms',
    ])
    await decide(appeal.id, {
      decision: 'approve',
      reason: 'The contact was someone else',
      rules: ['questionnaire.contact'],
    })
    const status = await get(person, '/v1/residents/me/status')
    expect(status.json.color).toBe('yellow')
    expect(status.json.until).toBe(YELLOW_UNTIL)
    expect(status.json.reasons.map((reason: { rule: string }) => reason.rule))
      .toEqual(['questionnaire.symptoms', 'appeal.approved'])
    expect(status.json.reasons[1]).toMatchObject({
      until: RED_UNTIL,
      text: expect.stringContaining(`count: ${CONTACT_TEXT}.`),
    })
  })

  it('rejects rules that were not appealed', async () => {
    const person = await resident(stack, SYMPTOMS_AND_CONTACT)
    const appeal = await fileAppeal(person, {
      rules: ['questionnaire.contact'],
    })
    const response = await decide(appeal.id, {
      decision: 'approve',
      reason: 'Checked',
      rules: ['questionnaire.symptoms'],
    })
    expect(response.status).toBe(400)
    expect(response.json.errors[0]).toMatchObject({
      field: 'rules',
      code: 'rule_not_appealed',
    })
  })

  it('counts a later declaration after an approval', async () => {
    const person = await resident(stack, SYMPTOMS)
    const appeal = await fileAppeal(person)
    await decide(appeal.id, { decision: 'approve', reason: 'Allergy' })
    // 21:00 the same day, within the session's 12 hours.
    stack.clock.set('2026-02-10T13:00:00.000Z')
    const declared = await post(person, '/v1/residents/me/questionnaire', {
      answers: SYMPTOMS,
    })
    expect(declared.json.color).toBe('yellow')
    expect(declared.json.until).toBe(YELLOW_UNTIL)
  })

  it('rejects an appeal and shows the reason to the resident', async () => {
    const person = await resident(stack, SYMPTOMS)
    const appeal = await fileAppeal(person)
    const response = await decide(appeal.id, {
      decision: 'reject',
      reason: 'No test result was sent',
    })
    expect(response.status).toBe(200)
    expect(response.json.status).toBe('rejected')

    const own = await get(person, '/v1/residents/me/appeals')
    expect(own.json.items[0]).toMatchObject({
      id: appeal.id,
      status: 'rejected',
      decision: {
        decision: 'reject',
        reason: 'No test result was sent',
        rules: [],
        decidedAt: DECIDED,
      },
    })
    const status = await get(person, '/v1/residents/me/status', 'zh')
    expect(status.json.color).toBe('yellow')
    expect(status.json.reasons[1]).toEqual({
      rule: 'appeal.rejected',
      color: 'yellow',
      since: DECIDED,
      until: YELLOW_UNTIL,
      text:
        '您的申诉已于2026-02-10被驳回。' +
        '工作人员说明：No test result was sent',
    })
    const records = await auditOf(person.residentId)
    expect(records).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          action: 'appeal_rejected',
          after: { status: 'rejected', rules: [] },
        }),
      ]),
    )
  })

  it('decides an appeal once', async () => {
    const person = await resident(stack, SYMPTOMS)
    const appeal = await fileAppeal(person)
    await decide(appeal.id, { decision: 'reject', reason: 'No evidence' })
    const before = await stack.snapshot()
    const again = await decide(appeal.id, {
      decision: 'approve',
      reason: 'Changed my mind',
    })
    expect(again.status).toBe(409)
    expect(again.json.code).toBe('APPEAL_ALREADY_DECIDED')
    expect(await stack.snapshot()).toEqual(before)
  })

  it('accepts a new appeal once the last is decided', async () => {
    const person = await resident(stack, SYMPTOMS)
    const appeal = await fileAppeal(person)
    await decide(appeal.id, { decision: 'reject', reason: 'No evidence' })
    const next = await post(person, '/v1/residents/me/appeals', {
      message: 'Here is the clinic report',
    })
    expect(next.status).toBe(201)
  })

  it("notes a dependent's approval in the guardian's list", async () => {
    const guardian = await resident(stack, CLEAN)
    const body = childBody()
    const child = await dependent(stack, guardian, body)
    await declareFor(stack, guardian, child.id, SYMPTOMS)
    const appeal = await fileAppeal(guardian, { residentId: child.id })
    await decide(appeal.id, { decision: 'approve', reason: 'Allergy' })
    const list = await get(guardian, '/v1/residents/me/dependents')
    expect(list.json.items[0].status).toMatchObject({
      color: 'green',
      reasons: [{ rule: 'appeal.approved', color: 'green' }],
    })
  })

  it('appends a missing fact when deciding again', async () => {
    const person = await resident(stack, SYMPTOMS)
    const appeal = await fileAppeal(person)
    const deps = appealDependencies(stack.runtime)
    const failing = {
      ...deps,
      facts: {
        appendFact: async () => {
          throw new Error('DynamoDB unavailable')
        },
      },
    }
    const input = {
      accountId: accountIdOf(officer),
      appealId: appeal.id,
      request: { decision: 'approve' as const, reason: 'Allergy' },
      language: 'en' as const,
      now: new Date(DECIDED),
    }
    await expect(decideAppeal(failing, input)).rejects.toThrow(
      'DynamoDB unavailable',
    )
    stack.clock.set(DECIDED)
    expect((await get(person, '/v1/residents/me/status')).json.color).toBe(
      'yellow',
    )

    const again = await decideAppeal(
      { ...deps, facts: factStoreOf(stack.runtime) },
      input,
    )
    expect(again).toEqual({ kind: 'already_decided' })
    expect((await get(person, '/v1/residents/me/status')).json.color).toBe(
      'green',
    )
  })
})
