import { GetCommand } from '@aws-sdk/lib-dynamodb'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  withOperators,
  type OperatorStack,
} from '../../test/operators'
import {
  business,
  checkIn,
  resident,
  venue,
  type Person,
  type Resident,
} from '../../test/people'
import { declareFor, dependent } from '../../test/guardians'
import { createTestStack, type TestStack } from '../../test/stack'
import { matchingDependenciesOf } from './matcher'
import { exposureFactId, runMatch } from './matching'
import type { VisitRepository } from './visits'

// Check-ins on 10 February 2026 in Hangzhou (UTC+8), where a visit
// without check-out lasts 120 minutes, a case's windows get 30 minutes of
// buffer, and an overlap of 15 minutes with a confirmed case is red.
const CHECKIN_DAY = '2026-02-10'
const at = (clock: string) => `${CHECKIN_DAY}T${clock}:00+08:00`
// Cases are reported two days later, at 10:00.
const REPORT_TIME = '2026-02-12T02:00:00.000Z'

let stack: TestStack
let ops: OperatorStack
let operator: Person & { accountId: string }
let owner: Person

beforeAll(async () => {
  stack = await createTestStack({ start: at('06:00') })
  ops = withOperators(stack)
  operator = await ops.operator()
})

// Sessions last 12 hours, so people sign in again after the clock moves
// on to the report.
async function again<T extends Person>(person: T): Promise<T> {
  const token = await stack.signIn(person.phone.raw, person.phone.e164)
  return { ...person, token }
}

// Moves the clock back to the morning of the check-ins, with a new
// business to own the places.
async function morning(): Promise<void> {
  stack.clock.set(at('06:00'))
  owner = await business(stack)
}

let reports = 0

// Moves the clock on to the report, with a new operator session. Each
// later report comes two minutes after the one before, because a phone
// may ask for a one-time password once a minute.
async function reportDay(): Promise<void> {
  stack.clock.set(REPORT_TIME)
  stack.clock.advanceSeconds(120 * reports)
  reports += 1
  operator = await again(operator)
}

afterAll(async () => {
  await stack.close()
})

type Place = { id: string; codeText: string; name: string }

async function place(name: string): Promise<Place> {
  return venue(stack, owner, { name })
}

async function visit(person: Resident, where: Place, clock: string) {
  stack.clock.set(at(clock))
  const response = await checkIn(stack, person, where.codeText)
  expect(response.status).toBe(201)
  return response.json.checkin.id as string
}

async function statusOf(person: Resident) {
  const response = await stack.request({
    method: 'GET',
    path: '/v1/residents/me/status',
    token: person.token,
    headers: { 'accept-language': 'en' },
  })
  expect(response.status).toBe(200)
  return response.json
}

async function storedFacts(residentId: string): Promise<any[]> {
  const output = await stack.runtime.db.send(
    new GetCommand({
      TableName: stack.runtime.tables.residents,
      Key: { residentId },
    }),
  )
  return output.Item?.facts ?? []
}

function reportCase(person: Resident, body: Record<string, unknown> = {}) {
  return ops.request({
    method: 'POST',
    path: '/v1/cases',
    token: operator.token,
    body: {
      document: { type: 'mainland_id', number: person.documentNumber },
      kind: 'confirmed',
      onset: '2026-02-11',
      ...body,
    },
  })
}

describe('POST /v1/cases', () => {
  let market: Place
  let bank: Place
  let patient: Resident
  let close: Resident
  let brief: Resident
  let after: Resident
  let elsewhere: Resident

  beforeAll(async () => {
    await morning()
    market = await place('文三路菜市场')
    bank = await place('西湖银行')
    patient = await resident(stack)
    close = await resident(stack)
    brief = await resident(stack)
    after = await resident(stack)
    elsewhere = await resident(stack)
    // The patient's visit lasts 10:00-12:00, so their window is
    // 10:00-12:30.
    await visit(patient, market, '10:00')
    await visit(close, market, '11:00')
    await visit(brief, market, '12:20')
    await visit(after, market, '12:30')
    await visit(elsewhere, bank, '11:00')
    await reportDay()
    patient = await again(patient)
    close = await again(close)
    brief = await again(brief)
    after = await again(after)
    elsewhere = await again(elsewhere)
  })

  it('turns the case red and a long contact red', async () => {
    const reported = await reportCase(patient, { note: 'hospital report' })
    expect(reported.status).toBe(201)
    expect(reported.json).toMatchObject({
      residentId: patient.residentId,
      maskedName: '**明',
      kind: 'confirmed',
      onset: '2026-02-11',
      reportedAt: REPORT_TIME,
      matching: 'requested',
    })
    expect(ops.invoked).toEqual([{ kind: 'case', caseId: reported.json.id }])

    const own = await statusOf(patient)
    expect(own.color).toBe('red')
    expect(own.reasons[0]).toMatchObject({
      rule: 'case.confirmed',
      text: 'You were reported as a confirmed case on 2026-02-12',
    })

    const contact = await statusOf(close)
    expect(contact.color).toBe('red')
    expect(contact.until).toBe('2026-02-24T16:00:00.000Z')
    expect(contact.reasons).toEqual([
      {
        rule: 'exposure.confirmed_case',
        color: 'red',
        since: '2026-02-09T16:00:00.000Z',
        until: '2026-02-24T16:00:00.000Z',
        text:
          'You were at 文三路菜市场 on 2026-02-10 between 11:00 and ' +
          '12:30, at the same time as a confirmed case or shortly ' +
          'after they left',
      },
    ])
  })

  it('turns a short overlap yellow and leaves others green', async () => {
    const short = await statusOf(brief)
    expect(short.color).toBe('yellow')
    expect(short.reasons[0].text).toContain('between 12:20 and 12:30')
    expect((await statusOf(after)).color).toBe('green')
    expect((await statusOf(elsewhere)).color).toBe('green')
  })

  it('never stores the case on the contact', async () => {
    const facts = await storedFacts(close.residentId)
    expect(facts).toHaveLength(1)
    expect(facts[0]).toMatchObject({
      kind: 'exposure',
      ref: ops.invoked[0]?.kind === 'case' ? ops.invoked[0].caseId : '',
      fact: { venueName: '文三路菜市场', cause: { kind: 'case' } },
    })
    const text = JSON.stringify(facts)
    expect(text).not.toContain(patient.residentId)
    expect(text).not.toContain(patient.documentNumber)
    expect(text).not.toContain('王小明')
  })

  it('returns the same case again and matches once', async () => {
    const again = await reportCase(patient, { note: 'hospital report' })
    expect(again.status).toBe(200)
    expect(again.json.matching).toBe('done')
    expect(ops.invoked).toHaveLength(1)
    expect(await storedFacts(close.residentId)).toHaveLength(1)
    expect(await storedFacts(patient.residentId)).toHaveLength(1)
  })

  it('audits both reports under the case resident', async () => {
    const records = await ops.auditOf(patient.residentId)
    const actions = records.filter((r) => r.kind === 'operator_action')
    expect(actions.map((r) => r.action)).toEqual([
      'case_reported',
      'case_reported',
    ])
    // Both reports happened at the same instant, so their order is open.
    const first = actions.find((action) => action.before === null)
    const repeated = actions.find((action) => action.before !== null)
    expect(first).toMatchObject({
      at: REPORT_TIME,
      actor: { accountId: operator.accountId, role: 'operator' },
      before: null,
      after: { kind: 'confirmed', onset: '2026-02-11', sampleDate: null },
    })
    expect(repeated?.before).toEqual(first?.after)
    const changes = records.filter((r) => r.kind === 'rating_changed')
    expect(changes.map((r) => [r.source, r.after])).toEqual([
      ['questionnaire', 'green'],
      ['case', 'red'],
    ])
  })

  it('audits the contact color change as the matcher', async () => {
    const changes = (await ops.auditOf(close.residentId)).filter(
      (record) =>
        record.kind === 'rating_changed' && record.source === 'exposure',
    )
    expect(changes).toEqual([
      expect.objectContaining({
        actor: { accountId: 'matcher', role: 'system' },
        before: 'green',
        after: 'red',
        rules: ['exposure.confirmed_case'],
        rulesVersion: stack.runtime.rules.version,
      }),
    ])
  })

  it('reads only the case index and the venue day partitions', async () => {
    const calls: string[] = []
    const deps = matchingDependenciesOf(stack.runtime)
    const real = deps.visits
    let read = 0
    const visits: VisitRepository = {
      async ofResident(residentId, range, nowSeconds) {
        calls.push(
          `resident ${residentId === patient.residentId} ` +
            `${range.from.toISOString()} ${range.to.toISOString()}`,
        )
        const found = await real.ofResident(residentId, range, nowSeconds)
        read += found.length
        return found
      },
      async atVenueOnDay(venueId, date, range, nowSeconds) {
        calls.push(
          `venue ${venueId === market.id} ${date} ` +
            `${range.from.toISOString()} ${range.to.toISOString()}`,
        )
        const found = await real.atVenueOnDay(venueId, date, range, nowSeconds)
        read += found.length
        return found
      },
    }
    const caseId = ops.invoked[0]?.kind === 'case' ? ops.invoked[0].caseId : ''
    const result = await runMatch(
      { ...deps, visits },
      { kind: 'case', caseId },
      new Date(REPORT_TIME),
    )
    expect(calls).toEqual([
      // From 7 February, four days before onset, less one default stay.
      'resident true 2026-02-06T14:00:00.000Z 2026-02-12T02:00:00.000Z',
      // The window 10:00-12:30, from one default stay before its start.
      'venue true 2026-02-10 2026-02-10T00:00:00.000Z 2026-02-10T04:30:00.000Z',
    ])
    // The patient's check-in twice, then the two contacts: the check-in
    // at 12:30 sorts after the window's end, and the bank is not read.
    expect(read).toBe(4)
    expect(result).toEqual({
      kind: 'matched',
      windows: 1,
      visitsRead: 3,
      exposures: 2,
      contacts: 2,
      added: 0,
    })
  })

  it('answers NOT_REGISTERED for an unknown person', async () => {
    const response = await ops.request({
      method: 'POST',
      path: '/v1/cases',
      token: operator.token,
      body: {
        document: { type: 'mainland_id', number: '11010519491231002X' },
        kind: 'suspected',
        onset: '2026-02-11',
      },
    })
    expect(response.status).toBe(404)
    expect(response.json.code).toBe('NOT_REGISTERED')
  })

  it('rejects an onset in the future', async () => {
    const response = await reportCase(patient, { onset: '2026-02-13' })
    expect(response.status).toBe(400)
    expect(response.json.errors).toEqual([
      expect.objectContaining({ field: 'onset', code: 'in_future' }),
    ])
  })
})

describe('POST /v1/risky-venues', () => {
  let shop: Place
  let inside: Resident
  let before: Resident

  beforeAll(async () => {
    await morning()
    shop = await place('延安路商店')
    inside = await resident(stack)
    before = await resident(stack)
    await visit(before, shop, '07:00')
    await visit(inside, shop, '11:00')
    await reportDay()
    inside = await again(inside)
    before = await again(before)
  })

  it('turns visitors in the window yellow', async () => {
    const response = await ops.request({
      method: 'POST',
      path: '/v1/risky-venues',
      token: operator.token,
      body: {
        venueId: shop.id,
        start: at('10:30'),
        end: at('11:30'),
        level: 'yellow',
        note: 'environmental sample',
      },
    })
    expect(response.status).toBe(201)
    expect(response.json).toMatchObject({
      venueId: shop.id,
      venueName: '延安路商店',
      start: '2026-02-10T02:30:00.000Z',
      end: '2026-02-10T03:30:00.000Z',
      level: 'yellow',
      matching: 'requested',
    })
    const status = await statusOf(inside)
    expect(status.color).toBe('yellow')
    expect(status.reasons[0]).toMatchObject({
      rule: 'exposure.risk_venue',
      text:
        'You were at 延安路商店 on 2026-02-10 between 11:00 and 11:30, ' +
        'while health authorities listed it as a risk venue',
    })
    // 07:00-09:00 ends before the window starts.
    expect((await statusOf(before)).color).toBe('green')
  })

  it('returns the same window again', async () => {
    const count = ops.invoked.length
    const response = await ops.request({
      method: 'POST',
      path: '/v1/risky-venues',
      token: operator.token,
      body: {
        venueId: shop.id,
        start: at('10:30'),
        end: at('11:30'),
        level: 'yellow',
      },
    })
    expect(response.status).toBe(200)
    expect(ops.invoked).toHaveLength(count)
  })

  it('rejects a window that has not ended', async () => {
    const response = await ops.request({
      method: 'POST',
      path: '/v1/risky-venues',
      token: operator.token,
      body: {
        venueId: shop.id,
        start: '2026-02-12T09:00:00+08:00',
        end: '2026-02-12T11:00:00+08:00',
        level: 'red',
      },
    })
    expect(response.status).toBe(400)
    expect(response.json.errors[0]).toMatchObject({
      field: 'end',
      code: 'in_future',
    })
  })

  it('answers NOT_FOUND for an unknown venue', async () => {
    const response = await ops.request({
      method: 'POST',
      path: '/v1/risky-venues',
      token: operator.token,
      body: {
        venueId: 'no-such-venue',
        start: at('10:30'),
        end: at('11:30'),
        level: 'red',
      },
    })
    expect(response.status).toBe(404)
  })

  it('audits the listing under the venue', async () => {
    const records = await ops.auditOf(`venue#${shop.id}`)
    expect(records.map((record) => record.action)).toEqual([
      'risk_window_listed',
      'risk_window_listed',
    ])
    expect(records[0]).toMatchObject({
      actor: { role: 'operator' },
      after: {
        venueId: shop.id,
        start: '2026-02-10T02:30:00.000Z',
        end: '2026-02-10T03:30:00.000Z',
        level: 'yellow',
      },
    })
  })
})

describe('a case and a risky venue at the same moment', () => {
  it('leaves the more severe color and both facts', async () => {
    await morning()
    const caseVenue = await place('武林广场')
    const riskyVenue = await place('湖滨银泰')
    const patient = await resident(stack)
    let both = await resident(stack)
    await visit(patient, caseVenue, '14:00')
    await visit(both, caseVenue, '14:10')
    await visit(both, riskyVenue, '17:30')
    await reportDay()
    both = await again(both)

    const [reported, listed] = await Promise.all([
      reportCase(patient),
      ops.request({
        method: 'POST',
        path: '/v1/risky-venues',
        token: operator.token,
        body: {
          venueId: riskyVenue.id,
          start: at('17:00'),
          end: at('19:00'),
          level: 'yellow',
        },
      }),
    ])
    expect(reported.status).toBe(201)
    expect(listed.status).toBe(201)

    const status = await statusOf(both)
    expect(status.color).toBe('red')
    expect(status.reasons.map((reason: any) => reason.rule)).toEqual([
      'exposure.confirmed_case',
      'exposure.risk_venue',
    ])
    const facts = await storedFacts(both.residentId)
    expect(facts.map((fact) => fact.fact.venueName).sort()).toEqual([
      '武林广场',
      '湖滨银泰',
    ])
  })
})

describe('a case with a household', () => {
  it('turns a dependent of the case yellow', async () => {
    await morning()
    let parent = await resident(stack)
    const child = await dependent(stack, parent)
    const allClear = { symptoms: false, travel: ['none'], contact: 'none' }
    await declareFor(stack, parent, child.id, allClear)
    await reportDay()
    parent = await again(parent)

    const reported = await reportCase(parent)
    expect(reported.status).toBe(201)

    const listed = await stack.request({
      method: 'GET',
      path: '/v1/residents/me/dependents',
      token: parent.token,
      headers: { 'accept-language': 'en' },
    })
    expect(listed.status).toBe(200)
    const item = listed.json.items.find(
      (entry: { id: string }) => entry.id === child.id,
    )
    // Hangzhou's coResidentsOfCase is yellow.
    expect(item.status.color).toBe('yellow')
    expect(item.status.reasons[0].rule).toBe('household.case')
  })
})

describe('operator-only case routes', () => {
  it.each(['/v1/cases', '/v1/risky-venues'])(
    'rejects a resident at %s',
    async (path) => {
      const person = await resident(stack)
      const response = await ops.request({
        method: 'POST',
        path,
        token: person.token,
        body: {},
      })
      expect(response.status).toBe(403)
      expect(response.json.code).toBe('FORBIDDEN_ROLE')
    },
  )
})

describe('exposureFactId', () => {
  it('depends on case, contact and check-in only', () => {
    const target = { kind: 'case', id: 'case-1' } as const
    const id = exposureFactId(target, 'resident-1', 'checkin-1')
    expect(id).toMatch(/^exposure:[A-Za-z0-9_-]{22}$/)
    expect(exposureFactId(target, 'resident-1', 'checkin-1')).toBe(id)
    expect(exposureFactId(target, 'resident-1', 'checkin-2')).not.toBe(id)
    const venue = { kind: 'venue', id: 'case-1' } as const
    expect(exposureFactId(venue, 'resident-1', 'checkin-1')).not.toBe(id)
  })
})
