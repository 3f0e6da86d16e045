import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb'
import { verifyCodeToken } from '@healthcode/shared'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { childBody, declareFor, dependent } from '../../test/guardians'
import { nextMainlandId, nextPhone } from '../../test/ids'
import {
  CLEAN,
  resident,
  signedIn,
  SYMPTOMS,
  type Person,
} from '../../test/people'
import { createTestStack, type TestStack } from '../../test/stack'
import { householdCasesOf } from './coResidents'

// 10:00 on 10 February in Hangzhou (UTC+8).
const START = '2026-02-10T02:00:00.000Z'
// 00:00 on 10 February in Hangzhou, where that day's reasons begin.
const DAY_START = '2026-02-09T16:00:00.000Z'
// Yellow lasts 7 days: green again at 00:00 on 18 February in Hangzhou.
const YELLOW_UNTIL = '2026-02-17T16:00:00.000Z'
// Red lasts 14 days: green again at 00:00 on 25 February in Hangzhou.
const RED_UNTIL = '2026-02-24T16:00:00.000Z'
// 14 hours from 10:00 to the next midnight in Hangzhou.
const SECONDS_TO_MIDNIGHT = 14 * 3600

const HOUSEHOLD_REASON_EN =
  'A member of your household was reported as a case on 2026-02-10'

let stack: TestStack

beforeAll(async () => {
  stack = await createTestStack({ start: START })
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

function post(person: Person, path: string, body?: unknown) {
  return stack.request({
    method: 'POST',
    path,
    token: person.token,
    body,
    headers: { 'accept-language': 'en' },
  })
}

async function residentItem(residentId: string) {
  const output = await stack.runtime.db.send(
    new GetCommand({
      TableName: stack.runtime.tables.residents,
      Key: { residentId },
    }),
  )
  return output.Item
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

// Sessions last 12 hours, so tests that move the clock further sign in
// again.
async function signedInAgain(person: Person): Promise<Person> {
  const token = await stack.signIn(person.phone.raw, person.phone.e164)
  return { ...person, token }
}

async function statusOf(person: Person) {
  const response = await get(person, '/v1/residents/me/status')
  expect(response.status).toBe(200)
  return response.json
}

async function invite(inviter: Person, invitee: Person) {
  const response = await post(inviter, '/v1/residents/me/household', {
    phone: invitee.phone.raw,
  })
  expect(response.status).toBe(202)
  const accepted = await post(invitee, '/v1/residents/me/household/accept')
  expect(accepted.status).toBe(200)
  return accepted.json
}

describe('POST /v1/residents/me/dependents', () => {
  it('registers a dependent with a status of their own', async () => {
    const guardian = await resident(stack)
    const number = nextMainlandId('330106', '20180305')
    const response = await post(guardian, '/v1/residents/me/dependents', {
      name: '王小宝',
      document: { type: 'mainland_id', number },
      relationship: 'child',
    })
    expect(response.status).toBe(201)
    expect(response.json).toEqual({
      id: expect.any(String),
      maskedName: '**宝',
      documentType: 'mainland_id',
      maskedDocument: `33${'*'.repeat(14)}${number.slice(-2)}`,
      relationship: 'child',
      linkedAt: START,
      guardianCount: 1,
      status: { rated: false },
    })
    expect(response.json.id).not.toBe(guardian.residentId)
  })

  it('stores no phone and no clear personal data', async () => {
    const guardian = await resident(stack)
    const body = childBody()
    const created = await dependent(stack, guardian, body)
    const item = await residentItem(created.id)
    expect(item?.dependent).toBe(true)
    expect(item?.phoneHash).toBeUndefined()
    expect(item?.phoneCiphertext).toBeUndefined()
    const text = JSON.stringify(item)
    expect(text).not.toContain('王小宝')
    expect(text).not.toContain((body.document as { number: string }).number)
    const logs = stack.output.text()
    expect(logs).not.toContain('王小宝')
    expect(logs).not.toContain((body.document as { number: string }).number)
  })

  it('returns the same dependent when the guardian repeats', async () => {
    const guardian = await resident(stack)
    const body = childBody()
    const first = await dependent(stack, guardian, body)
    const again = await post(guardian, '/v1/residents/me/dependents', body)
    expect(again.status).toBe(200)
    expect(again.json.id).toBe(first.id)
  })

  it('names each invalid field', async () => {
    const guardian = await resident(stack)
    const before = await stack.snapshot()
    const response = await post(guardian, '/v1/residents/me/dependents', {
      name: 'Wang 3',
      document: { type: 'mainland_id', number: '330106201803051234' },
      relationship: 'child',
    })
    expect(response.status).toBe(400)
    expect(response.json.code).toBe('NAME_INVALID')
    expect(
      response.json.errors.map((error: { field: string }) => error.field),
    ).toEqual(['name', 'document.number'])
    expect(await stack.snapshot()).toEqual(before)
  })

  it('rejects an unknown relationship', async () => {
    const guardian = await resident(stack)
    const response = await post(
      guardian,
      '/v1/residents/me/dependents',
      childBody({ relationship: 'neighbour' }),
    )
    expect(response.status).toBe(400)
    expect(response.json.errors[0]).toMatchObject({
      field: 'relationship',
      code: 'invalid_value',
    })
  })

  it('rejects a person who has their own account', async () => {
    const guardian = await resident(stack)
    const adult = await resident(stack)
    const response = await post(
      guardian,
      '/v1/residents/me/dependents',
      childBody({
        name: '王小明',
        document: { type: 'mainland_id', number: adult.documentNumber },
      }),
    )
    expect(response.status).toBe(409)
    expect(response.json.code).toBe('DEPENDENT_HAS_OWN_ACCOUNT')
  })

  it('rejects a dependent of another guardian', async () => {
    const first = await resident(stack)
    const second = await resident(stack)
    const body = childBody()
    await dependent(stack, first, body)
    const response = await post(second, '/v1/residents/me/dependents', body)
    expect(response.status).toBe(409)
    expect(response.json.code).toBe('DEPENDENT_ALREADY_REGISTERED')
    expect(response.json.detail).toBe(
      "This person is already registered as another guardian's " +
        'dependent. Link them with their document instead.',
    )
  })

  it('rejects a sixth dependent in Hangzhou', async () => {
    const guardian = await resident(stack)
    for (let count = 0; count < 5; count++) {
      await dependent(stack, guardian)
    }
    const before = await stack.snapshot()
    const response = await post(
      guardian,
      '/v1/residents/me/dependents',
      childBody(),
    )
    expect(response.status).toBe(409)
    expect(response.json.code).toBe('DEPENDENT_LIMIT_REACHED')
    expect(await stack.snapshot()).toEqual(before)
    const list = await get(guardian, '/v1/residents/me/dependents')
    expect(list.json.items).toHaveLength(5)
    expect(list.json.maxDependents).toBe(5)
  })

  it('requires the guardian to be registered', async () => {
    const person = await signedIn(stack)
    const response = await post(
      person,
      '/v1/residents/me/dependents',
      childBody(),
    )
    expect(response.status).toBe(404)
    expect(response.json.code).toBe('NOT_REGISTERED')
  })
})

describe('POST /v1/residents/me/dependents/link', () => {
  it('makes a second guardian of a registered dependent', async () => {
    const first = await resident(stack)
    const second = await resident(stack)
    const body = childBody()
    const created = await dependent(stack, first, body)
    const response = await post(second, '/v1/residents/me/dependents/link', {
      document: body.document,
      relationship: 'grandparent',
    })
    expect(response.status).toBe(201)
    expect(response.json).toMatchObject({
      id: created.id,
      relationship: 'grandparent',
      guardianCount: 2,
    })
    const list = await get(first, '/v1/residents/me/dependents')
    expect(list.json.items[0]).toMatchObject({
      id: created.id,
      relationship: 'child',
      guardianCount: 2,
    })
  })

  it('returns the link again with 200 when repeated', async () => {
    const first = await resident(stack)
    const second = await resident(stack)
    const body = childBody()
    const created = await dependent(stack, first, body)
    const link = { document: body.document }
    await post(second, '/v1/residents/me/dependents/link', link)
    const again = await post(second, '/v1/residents/me/dependents/link', link)
    expect(again.status).toBe(200)
    expect(again.json).toMatchObject({
      id: created.id,
      relationship: 'other',
      guardianCount: 2,
    })
  })

  it('does not link a person who has their own account', async () => {
    const guardian = await resident(stack)
    const adult = await resident(stack)
    const response = await post(guardian, '/v1/residents/me/dependents/link', {
      document: { type: 'mainland_id', number: adult.documentNumber },
    })
    expect(response.status).toBe(409)
    expect(response.json.code).toBe('DEPENDENT_HAS_OWN_ACCOUNT')
  })

  it('stops an account after five failed attempts a day', async () => {
    const guardian = await resident(stack)
    const unknown = () => ({
      document: {
        type: 'mainland_id',
        number: nextMainlandId('330106', '20180305'),
      },
    })
    for (let attempt = 1; attempt <= 5; attempt++) {
      const response = await post(
        guardian,
        '/v1/residents/me/dependents/link',
        unknown(),
      )
      expect(response.status).toBe(404)
      expect(response.json.code).toBe('NOT_FOUND')
    }
    const blocked = await post(
      guardian,
      '/v1/residents/me/dependents/link',
      unknown(),
    )
    expect(blocked.status).toBe(429)
    expect(blocked.json.code).toBe('DEPENDENT_LINK_RATE_LIMITED')
    expect(blocked.headers['retry-after']).toBe(String(SECONDS_TO_MIDNIGHT))

    stack.clock.set('2026-02-10T16:00:00.000Z')
    const nextDay = await post(
      await signedInAgain(guardian),
      '/v1/residents/me/dependents/link',
      unknown(),
    )
    expect(nextDay.status).toBe(404)
  })

  it('counts linked dependents toward the maximum', async () => {
    const first = await resident(stack)
    const second = await resident(stack)
    const body = childBody()
    await dependent(stack, first, body)
    for (let count = 0; count < 5; count++) {
      await dependent(stack, second)
    }
    const response = await post(second, '/v1/residents/me/dependents/link', {
      document: body.document,
    })
    expect(response.status).toBe(409)
    expect(response.json.code).toBe('DEPENDENT_LIMIT_REACHED')
  })
})

describe('dependent status and code', () => {
  it('gives each dependent their own color and reasons', async () => {
    const guardian = await resident(stack, CLEAN)
    const sick = await dependent(stack, guardian)
    const well = await dependent(stack, guardian)
    const status = await declareFor(stack, guardian, sick.id, SYMPTOMS)
    expect(status).toEqual({
      rated: true,
      color: 'yellow',
      until: YELLOW_UNTIL,
      reasons: [
        {
          rule: 'questionnaire.symptoms',
          color: 'yellow',
          since: DAY_START,
          until: YELLOW_UNTIL,
          text:
            'You reported a fever, a cough or other symptoms in the last ' +
            '14 days',
        },
      ],
      rulesVersion: '2026-01-20.1',
      evaluatedAt: START,
    })
    await declareFor(stack, guardian, well.id, CLEAN)

    const list = await get(guardian, '/v1/residents/me/dependents')
    const colors = Object.fromEntries(
      list.json.items.map((item: { id: string; status: { color: string } }) => [
        item.id,
        item.status.color,
      ]),
    )
    expect(colors).toEqual({ [sick.id]: 'yellow', [well.id]: 'green' })
    expect((await statusOf(guardian)).color).toBe('green')
  })

  it('shows every guardian the full status', async () => {
    const first = await resident(stack)
    const second = await resident(stack)
    const body = childBody()
    const created = await dependent(stack, first, body)
    await declareFor(stack, first, created.id, SYMPTOMS)
    await post(second, '/v1/residents/me/dependents/link', {
      document: body.document,
    })
    const list = await get(second, '/v1/residents/me/dependents')
    expect(list.json.items[0].status).toMatchObject({
      color: 'yellow',
      until: YELLOW_UNTIL,
      reasons: [{ rule: 'questionnaire.symptoms' }],
    })
  })

  it('audits a guardian answer with the guardian as actor', async () => {
    const guardian = await resident(stack)
    const created = await dependent(stack, guardian)
    await declareFor(stack, guardian, created.id, SYMPTOMS)
    const records = await auditOf(created.id)
    expect(records).toEqual([
      expect.objectContaining({
        kind: 'rating_changed',
        at: START,
        actor: { accountId: expect.any(String), role: 'resident' },
        source: 'questionnaire',
        before: null,
        after: 'yellow',
        rules: ['questionnaire.symptoms'],
      }),
    ])
    const guardianItem = await residentItem(guardian.residentId)
    expect(records[0]?.actor.accountId).toBe(guardianItem?.accountId)
  })

  it('rejects answers that do not fit the questionnaire', async () => {
    const guardian = await resident(stack)
    const created = await dependent(stack, guardian)
    const response = await post(
      guardian,
      `/v1/residents/me/dependents/${created.id}/questionnaire`,
      { answers: { symptoms: 'yes' } },
    )
    expect(response.status).toBe(400)
    expect(response.json.code).toBe('QUESTIONNAIRE_INVALID')
  })

  it('requires a questionnaire before a code', async () => {
    const guardian = await resident(stack)
    const created = await dependent(stack, guardian)
    const response = await get(
      guardian,
      `/v1/residents/me/dependents/${created.id}/code`,
    )
    expect(response.status).toBe(409)
    expect(response.json.code).toBe('QUESTIONNAIRE_REQUIRED')
  })

  it("signs the dependent's own code", async () => {
    const guardian = await resident(stack, CLEAN)
    const created = await dependent(stack, guardian)
    await declareFor(stack, guardian, created.id, SYMPTOMS)
    const response = await get(
      guardian,
      `/v1/residents/me/dependents/${created.id}/code`,
    )
    expect(response.status).toBe(200)
    expect(response.json).toEqual({
      token: expect.any(String),
      color: 'yellow',
      expiresAt: '2026-02-10T02:01:00.000Z',
      refreshAfterSeconds: 30,
    })
    const keys = await stack.request({ method: 'GET', path: '/v1/keys' })
    const verified = verifyCodeToken(response.json.token, {
      keys: keys.json.keys,
      issuer: 'hangzhou',
      now: new Date(START),
    })
    if (verified.kind !== 'ok') throw new Error(`code ${verified.kind}`)
    const item = await residentItem(created.id)
    expect(verified.claims.sub).toBe(item?.codeRef)
    expect(verified.claims.col).toBe('yellow')

    const own = await get(guardian, '/v1/residents/me/code')
    expect(own.json.color).toBe('green')
  })

  it('hides a dependent from anyone but their guardians', async () => {
    const guardian = await resident(stack)
    const stranger = await resident(stack)
    const created = await dependent(stack, guardian)
    await declareFor(stack, guardian, created.id, CLEAN)
    const code = await get(
      stranger,
      `/v1/residents/me/dependents/${created.id}/code`,
    )
    expect(code.status).toBe(404)
    expect(code.json.code).toBe('NOT_FOUND')
    const answer = await post(
      stranger,
      `/v1/residents/me/dependents/${created.id}/questionnaire`,
      { answers: SYMPTOMS },
    )
    expect(answer.status).toBe(404)
    const own = await get(
      stranger,
      `/v1/residents/me/dependents/${stranger.residentId}/code`,
    )
    expect(own.status).toBe(404)
    const list = await get(stranger, '/v1/residents/me/dependents')
    expect(list.json.items).toEqual([])
  })
})

describe('households', () => {
  it('shows a resident alone before anyone joins', async () => {
    const person = await resident(stack, CLEAN)
    const response = await get(person, '/v1/residents/me/household')
    expect(response.status).toBe(200)
    expect(response.json).toEqual({
      id: null,
      members: [
        {
          id: person.residentId,
          maskedName: '**明',
          kind: 'adult',
          self: true,
          color: 'green',
          until: null,
          reasons: [],
        },
      ],
      invitation: null,
    })
  })

  it('puts a guardian and dependents in one household', async () => {
    const guardian = await resident(stack, CLEAN)
    const created = await dependent(stack, guardian)
    const response = await get(guardian, '/v1/residents/me/household')
    expect(response.json.id).toEqual(expect.any(String))
    expect(
      response.json.members.map((member: { id: string; kind: string }) => [
        member.id,
        member.kind,
      ]),
    ).toEqual([
      [guardian.residentId, 'adult'],
      [created.id, 'dependent'],
    ])
  })

  it('joins an invited adult, who sees the others colors', async () => {
    const inviter = await resident(stack, CLEAN)
    const child = await dependent(stack, inviter)
    await declareFor(stack, inviter, child.id, SYMPTOMS)
    const invitee = await resident(stack, SYMPTOMS)

    await post(inviter, '/v1/residents/me/household', {
      phone: invitee.phone.raw,
    })
    const pending = await get(invitee, '/v1/residents/me/household')
    expect(pending.json.invitation).toEqual({
      fromMaskedName: '**明',
      expiresAt: '2026-02-17T02:00:00.000Z',
    })

    const joined = await post(invitee, '/v1/residents/me/household/accept')
    expect(joined.status).toBe(200)
    expect(joined.json.invitation).toBeNull()
    const members = joined.json.members
    expect(members.map((member: { id: string }) => member.id)).toEqual([
      invitee.residentId,
      inviter.residentId,
      child.id,
    ])
    expect(members[0]).toMatchObject({ self: true, color: 'yellow' })
    expect(members[0].reasons).toHaveLength(1)
    expect(members[1]).toMatchObject({ self: false, color: 'green' })
    // Another adult's dependent: the color, but not the answers behind it.
    expect(members[2]).toMatchObject({
      kind: 'dependent',
      color: 'yellow',
      until: YELLOW_UNTIL,
      reasons: [],
    })

    const fromInviter = await get(inviter, '/v1/residents/me/household')
    expect(fromInviter.json.id).toBe(joined.json.id)
    const invitee2 = fromInviter.json.members.find(
      (member: { id: string }) => member.id === invitee.residentId,
    )
    expect(invitee2).toMatchObject({ color: 'yellow', reasons: [] })
    const ownChild = fromInviter.json.members.find(
      (member: { id: string }) => member.id === child.id,
    )
    expect(ownChild.reasons).toHaveLength(1)
  })

  it("merges the invitee's household with its dependents", async () => {
    const inviter = await resident(stack)
    const invitee = await resident(stack)
    const theirs = await dependent(stack, invitee)
    const before = await get(invitee, '/v1/residents/me/household')
    const household = await invite(inviter, invitee)
    expect(household.id).not.toBe(before.json.id)
    expect(
      household.members.map((member: { id: string }) => member.id).sort(),
    ).toEqual([inviter.residentId, invitee.residentId, theirs.id].sort())
  })

  it('keeps an invitation for a phone that registers later', async () => {
    const inviter = await resident(stack)
    const phone = nextPhone()
    const response = await post(inviter, '/v1/residents/me/household', {
      phone: phone.raw,
    })
    expect(response.status).toBe(202)
    expect(response.json).toEqual({ expiresAt: '2026-02-17T02:00:00.000Z' })

    const token = await stack.signIn(phone.raw, phone.e164)
    const registered = await stack.request({
      method: 'POST',
      path: '/v1/residents',
      token,
      body: {
        name: '李四',
        document: { type: 'mainland_id', number: nextMainlandId() },
        phone: phone.raw,
      },
    })
    expect(registered.status).toBe(201)
    const accepted = await post(
      { token, phone },
      '/v1/residents/me/household/accept',
    )
    expect(accepted.status).toBe(200)
    expect(accepted.json.members).toHaveLength(2)
  })

  it('rejects an invitation to the own phone', async () => {
    const person = await resident(stack)
    const response = await post(person, '/v1/residents/me/household', {
      phone: person.phone.raw,
    })
    expect(response.status).toBe(400)
    expect(response.json.errors).toEqual([
      {
        field: 'phone',
        code: 'own_phone',
        message:
          'Phone number: this is your own number. Enter the number of ' +
          'the household member you want to invite.',
      },
    ])
  })

  it('rejects an invalid phone', async () => {
    const person = await resident(stack)
    const response = await post(person, '/v1/residents/me/household', {
      phone: '12345',
    })
    expect(response.status).toBe(400)
    expect(response.json.code).toBe('PHONE_INVALID')
  })

  it('finds no invitation once it expired', async () => {
    const inviter = await resident(stack)
    const invitee = await resident(stack)
    await post(inviter, '/v1/residents/me/household', {
      phone: invitee.phone.raw,
    })
    stack.clock.set('2026-02-17T02:00:00.000Z')
    const response = await post(
      await signedInAgain(invitee),
      '/v1/residents/me/household/accept',
    )
    expect(response.status).toBe(404)
    expect(response.json.code).toBe('NOT_FOUND')
  })
})

describe('applyHouseholdCase in Hangzhou', () => {
  it('turns the other members yellow, naming the household', async () => {
    const adult = await resident(stack, CLEAN)
    const partner = await resident(stack, CLEAN)
    const child = await dependent(stack, adult)
    await declareFor(stack, adult, child.id, CLEAN)
    await invite(adult, partner)

    const cases = householdCasesOf(stack.runtime)
    const result = await cases.applyHouseholdCase(
      partner.residentId,
      new Date(START),
    )
    expect(result).toEqual({
      kind: 'applied',
      memberIds: [adult.residentId, child.id].sort(),
      added: [adult.residentId, child.id].sort(),
    })

    const own = await statusOf(adult)
    expect(own.color).toBe('yellow')
    expect(own.reasons).toEqual([
      {
        rule: 'household.case',
        color: 'yellow',
        since: DAY_START,
        until: YELLOW_UNTIL,
        text: HOUSEHOLD_REASON_EN,
      },
    ])
    const list = await get(adult, '/v1/residents/me/dependents')
    expect(list.json.items[0].status.reasons[0].text).toBe(HOUSEHOLD_REASON_EN)
    expect((await statusOf(partner)).color).toBe('green')

    // Members see the household reason of one another.
    const household = await get(partner, '/v1/residents/me/household')
    const adultView = household.json.members.find(
      (member: { id: string }) => member.id === adult.residentId,
    )
    expect(adultView.reasons).toEqual([
      expect.objectContaining({ rule: 'household.case' }),
    ])

    const records = await auditOf(adult.residentId)
    const fromHousehold = records.filter(
      (record) => record.source === 'household',
    )
    expect(fromHousehold).toEqual([
      expect.objectContaining({
        kind: 'rating_changed',
        at: START,
        actor: { accountId: 'household-cases', role: 'system' },
        before: 'green',
        after: 'yellow',
        rules: ['household.case'],
      }),
    ])
  })

  it('appends nothing when called again the same day', async () => {
    const adult = await resident(stack, CLEAN)
    const partner = await resident(stack, CLEAN)
    await invite(adult, partner)
    const cases = householdCasesOf(stack.runtime)
    await cases.applyHouseholdCase(partner.residentId, new Date(START))
    const item = await residentItem(adult.residentId)
    stack.clock.advanceSeconds(3600)
    const again = await cases.applyHouseholdCase(
      partner.residentId,
      stack.clock.now(),
    )
    expect(again).toEqual({
      kind: 'applied',
      memberIds: [adult.residentId],
      added: [],
    })
    expect(await residentItem(adult.residentId)).toEqual(item)
    expect(JSON.stringify(item?.facts)).not.toContain(partner.residentId)
  })

  it('leaves a guardian of another household alone', async () => {
    const first = await resident(stack, CLEAN)
    const second = await resident(stack, CLEAN)
    const body = childBody()
    const child = await dependent(stack, first, body)
    await declareFor(stack, first, child.id, CLEAN)
    await post(second, '/v1/residents/me/dependents/link', {
      document: body.document,
    })
    const cases = householdCasesOf(stack.runtime)
    await cases.applyHouseholdCase(child.id, new Date(START))
    expect((await statusOf(first)).color).toBe('yellow')
    expect((await statusOf(second)).color).toBe('green')
  })

  it('does nothing for a resident without a household', async () => {
    const person = await resident(stack)
    const cases = householdCasesOf(stack.runtime)
    const result = await cases.applyHouseholdCase(
      person.residentId,
      new Date(START),
    )
    expect(result).toEqual({ kind: 'no_co_residents' })
  })
})

describe('households in Shanghai', () => {
  let shanghai: TestStack

  beforeAll(async () => {
    shanghai = await createTestStack({ start: START, city: 'shanghai' })
  })

  afterAll(async () => {
    await shanghai.close()
  })

  it('turns the other members red for 14 days', async () => {
    const guardian = await resident(
      shanghai,
      CLEAN,
      nextMainlandId('310101', '19850612'),
    )
    const child = await dependent(
      shanghai,
      guardian,
      childBody({
        document: {
          type: 'mainland_id',
          number: nextMainlandId('310101', '20180305'),
        },
      }),
    )
    const cases = householdCasesOf(shanghai.runtime)
    await cases.applyHouseholdCase(child.id, new Date(START))
    const status = await shanghai.request({
      method: 'GET',
      path: '/v1/residents/me/status',
      token: guardian.token,
      headers: { 'accept-language': 'en' },
    })
    expect(status.json.color).toBe('red')
    expect(status.json.until).toBe(RED_UNTIL)
    expect(status.json.reasons[0].text).toBe(HOUSEHOLD_REASON_EN)
  })

  it('tells a guardian why a non-resident child is turned away', async () => {
    const guardian = await resident(
      shanghai,
      CLEAN,
      nextMainlandId('310101', '19850612'),
    )
    const response = await shanghai.request({
      method: 'POST',
      path: '/v1/residents/me/dependents',
      token: guardian.token,
      headers: { 'accept-language': 'en' },
      body: childBody(),
    })
    expect(response.status).toBe(403)
    expect(response.json.code).toBe('NOT_ELIGIBLE')
    expect(response.json.detail).toMatch(/^The Shanghai health code is only/)
  })
})
