import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { nextMainlandId } from '../../test/ids'
import {
  withOperators,
  type OperatorStack,
} from '../../test/operators'
import {
  business,
  checkIn,
  CLEAN,
  resident,
  venue,
  type Person,
  type Resident,
} from '../../test/people'
import { createTestStack, type TestStack } from '../../test/stack'
import { createAuditLog } from '../audit/records'
import { factStoreOf } from '../facts/service'
import { revokeOperator } from './accounts'

// 10:00 on 12 February 2026 in Hangzhou (UTC+8).
const START = '2026-02-12T02:00:00.000Z'
const UNTIL = '2026-02-20T00:00:00+08:00'

let stack: TestStack
let ops: OperatorStack
let first: Person & { accountId: string }
let second: Person & { accountId: string }

beforeAll(async () => {
  stack = await createTestStack({ start: START })
  ops = withOperators(stack)
  first = await ops.operator()
  second = await ops.operator()
})

afterAll(async () => {
  await stack.close()
})

async function colorOf(person: Resident): Promise<string> {
  const response = await stack.request({
    method: 'GET',
    path: '/v1/residents/me/status',
    token: person.token,
  })
  return response.json.color
}

function post(token: string, path: string, body?: unknown) {
  return ops.request({ method: 'POST', path, token, body })
}

const OPERATOR_ROUTES = [
  ['POST', '/v1/overrides'],
  ['POST', '/v1/overrides/bulk'],
  ['GET', '/v1/override-requests'],
  ['POST', '/v1/override-requests/some-id/approve'],
  ['POST', '/v1/imports/travel-records'],
  ['GET', '/v1/flags'],
  ['GET', '/v1/exports/cases.csv'],
  ['GET', '/v1/stats?from=2026-02-01&to=2026-02-12'],
  ['GET', '/v1/audit?residentId=someone'],
] as const

describe('operator routes', () => {
  it.each(OPERATOR_ROUTES)('rejects a resident at %s %s', async (
    method,
    path,
  ) => {
    const person = await resident(stack)
    const response = await ops.request({
      method,
      path,
      token: person.token,
      body: method === 'POST' ? {} : undefined,
    })
    expect(response.status).toBe(403)
    expect(response.json.code).toBe('FORBIDDEN_ROLE')
  })

  it('rejects a revoked operator with a session from before', async () => {
    const revoked = await ops.operator()
    const result = await revokeOperator(
      {
        accounts: { db: stack.runtime.db, tables: stack.runtime.tables },
        pii: stack.runtime.pii,
        audit: createAuditLog(stack.runtime.db, stack.runtime.tables),
      },
      revoked.phone.e164,
      stack.clock.now(),
    )
    expect(result).toEqual({ kind: 'revoked', accountId: revoked.accountId })
    const response = await ops.request({
      method: 'GET',
      path: '/v1/flags',
      token: revoked.token,
    })
    expect(response.status).toBe(403)
    expect(response.json.code).toBe('FORBIDDEN_ROLE')
  })
})

describe('POST /v1/overrides', () => {
  it('sets a color and audits who, what, before and after', async () => {
    const person = await resident(stack)
    const response = await post(first.token, '/v1/overrides', {
      residentId: person.residentId,
      color: 'red',
      until: UNTIL,
      reasonCode: 'health_authority_order',
      evidenceRef: 'HZ-2026-0042',
    })
    expect(response.status).toBe(200)
    expect(response.json).toEqual({
      residentId: person.residentId,
      before: 'green',
      after: 'red',
    })
    expect(await colorOf(person)).toBe('red')

    const records = await ops.auditOf(person.residentId)
    const action = records.find((r) => r.kind === 'operator_action')
    expect(action).toMatchObject({
      at: START,
      actor: { accountId: first.accountId, role: 'operator' },
      action: 'override_set',
      before: { color: 'green' },
      after: {
        color: 'red',
        override: 'red',
        until: UNTIL,
        reasonCode: 'health_authority_order',
        evidenceRef: 'HZ-2026-0042',
      },
    })
    const change = records.find(
      (r) => r.kind === 'rating_changed' && r.source === 'override',
    )
    expect(change).toMatchObject({
      before: 'green',
      after: 'red',
      rules: ['override.health_authority_order'],
    })
  })

  it('changes no color when repeated', async () => {
    const person = await resident(stack)
    const body = {
      residentId: person.residentId,
      color: 'yellow',
      until: UNTIL,
      reasonCode: 'data_correction',
      evidenceRef: 'ticket-7',
    }
    await post(first.token, '/v1/overrides', body)
    const again = await post(first.token, '/v1/overrides', body)
    expect(again.json).toEqual({
      residentId: person.residentId,
      before: 'yellow',
      after: 'yellow',
    })
    const changes = (await ops.auditOf(person.residentId)).filter(
      (r) => r.kind === 'rating_changed' && r.source === 'override',
    )
    expect(changes).toHaveLength(1)
  })

  it('rejects an end in the past', async () => {
    const person = await resident(stack)
    const response = await post(first.token, '/v1/overrides', {
      residentId: person.residentId,
      color: 'green',
      until: '2026-02-11T00:00:00+08:00',
      reasonCode: 'negative_test',
      evidenceRef: 'lab-1',
    })
    expect(response.status).toBe(400)
    expect(response.json.errors[0]).toMatchObject({ field: 'until' })
  })

  it('answers NOT_FOUND for an unknown resident', async () => {
    const response = await post(first.token, '/v1/overrides', {
      residentId: 'no-such-resident',
      color: 'red',
      until: UNTIL,
      reasonCode: 'positive_test',
      evidenceRef: 'lab-2',
    })
    expect(response.status).toBe(404)
  })
})

describe('bulk overrides', () => {
  let people: Resident[]
  let requestId: string

  beforeAll(async () => {
    people = [await resident(stack), await resident(stack)]
    const response = await post(first.token, '/v1/overrides/bulk', {
      residentIds: [...people.map((p) => p.residentId), 'no-such-resident'],
      color: 'yellow',
      until: UNTIL,
      reasonCode: 'health_authority_order',
      evidenceRef: 'notice-12',
    })
    expect(response.status).toBe(201)
    requestId = response.json.id
  })

  it('changes nobody before approval', async () => {
    for (const person of people) expect(await colorOf(person)).toBe('green')
  })

  it('lists the pending request', async () => {
    const response = await ops.request({
      method: 'GET',
      path: '/v1/override-requests',
      token: second.token,
    })
    expect(response.status).toBe(200)
    const listed = response.json.items.find((i: any) => i.id === requestId)
    expect(listed).toMatchObject({
      status: 'pending',
      color: 'yellow',
      requestedBy: first.accountId,
      residentIds: expect.arrayContaining(people.map((p) => p.residentId)),
    })
  })

  it('rejects approval by the requester', async () => {
    const response = await post(
      first.token,
      `/v1/override-requests/${requestId}/approve`,
    )
    expect(response.status).toBe(403)
    expect(response.json.code).toBe('OPERATOR_SELF_APPROVAL')
    for (const person of people) expect(await colorOf(person)).toBe('green')
  })

  it('applies it on approval by a second operator', async () => {
    const response = await post(
      second.token,
      `/v1/override-requests/${requestId}/approve`,
    )
    expect(response.status).toBe(200)
    expect(response.json).toMatchObject({
      id: requestId,
      status: 'applied',
      approvedBy: second.accountId,
      approvedAt: START,
      result: { changed: 2, unchanged: 0, notFound: 1 },
    })
    for (const person of people) expect(await colorOf(person)).toBe('yellow')
  })

  it('answers a second approval with OVERRIDE_REQUEST_DECIDED', async () => {
    const third = await ops.operator()
    const response = await post(
      third.token,
      `/v1/override-requests/${requestId}/approve`,
    )
    expect(response.status).toBe(409)
    expect(response.json.code).toBe('OVERRIDE_REQUEST_DECIDED')
  })

  it('changes no color when recomputed with the same inputs', async () => {
    const store = factStoreOf(stack.runtime)
    for (const person of people) {
      const loaded = await store.loadFacts(person.residentId)
      const override = loaded?.records.find((r) => r.kind === 'override')
      if (override === undefined) throw new Error('override fact missing')
      const again = await store.appendFact(
        person.residentId,
        override,
        { accountId: second.accountId, role: 'operator' },
        stack.clock.now(),
      )
      expect(again).toEqual({
        kind: 'duplicate',
        rating: expect.objectContaining({ color: 'yellow' }),
      })
      expect(await colorOf(person)).toBe('yellow')
    }
  })

  it('audits the request and the approval', async () => {
    const requested = await ops.auditOf(`operator#${first.accountId}`)
    const request = requested.find((r) => r.action === 'override_requested')
    expect(request).toMatchObject({
      target: requestId,
      after: { status: 'pending', color: 'yellow', residentCount: 3 },
    })
    const approved = await ops.auditOf(`operator#${second.accountId}`)
    const approval = approved.find((r) => r.action === 'override_approved')
    expect(approval).toMatchObject({
      target: requestId,
      before: { status: 'pending', requestedBy: first.accountId },
      after: { status: 'applied', changed: 2, unchanged: 0, notFound: 1 },
    })
    const change = (await ops.auditOf(people[0]?.residentId ?? '')).find(
      (r) => r.kind === 'rating_changed' && r.source === 'override',
    )
    expect(change).toMatchObject({
      actor: { accountId: second.accountId, role: 'operator' },
      before: 'green',
      after: 'yellow',
    })
  })
})

describe('POST /v1/imports/travel-records', () => {
  const HEADER = 'document_type,document_number,country,place,time,source'
  const row = (number: string, place: string, time: string) =>
    `mainland_id,${number},,${place},${time},rail`
  let traveller: Resident
  let declared: Resident
  let response: Awaited<ReturnType<typeof post>>

  beforeAll(async () => {
    // Declared no travel at 10:00 on 12 February.
    traveller = await resident(stack, CLEAN)
    // Declared Wuhan, so the record confirms the declaration.
    declared = await resident(stack, {
      symptoms: false,
      travel: ['wuhan'],
      contact: 'none',
    })
    const csv = [
      HEADER,
      row(traveller.documentNumber, 'wuhan', '2026-02-09T14:30:00+08:00'),
      row(declared.documentNumber, 'wuhan', '2026-02-10T09:00:00+08:00'),
      row(nextMainlandId(), 'wuhan', '2026-02-10T09:00:00+08:00'),
      row(traveller.documentNumber, 'hangzhou', '2026-02-10T09:00:00+08:00'),
      'mainland_id,330106199003071235,,wuhan,2026-02-10T09:00:00+08:00,rail',
      `mainland_id,${traveller.documentNumber},,wuhan,yesterday,rail`,
    ].join('\n')
    response = await post(first.token, '/v1/imports/travel-records', { csv })
  })

  it('imports good rows and reports bad ones by line', () => {
    expect(response.status).toBe(200)
    expect(response.json).toEqual({
      imported: 2,
      flagged: 1,
      skipped: 2,
      errors: [
        {
          line: 6,
          field: 'document_number',
          code: 'ID_CHECKSUM_INVALID',
          message: expect.any(String),
        },
        {
          line: 7,
          field: 'time',
          code: 'invalid',
          message: expect.stringContaining('ISO 8601'),
        },
      ],
    })
  })

  it('turns the traveller yellow with the area in the reason', async () => {
    const status = await stack.request({
      method: 'GET',
      path: '/v1/residents/me/status',
      token: traveller.token,
    })
    expect(status.json.color).toBe('yellow')
    expect(status.json.reasons[0]).toMatchObject({
      rule: 'exposure.risk_venue',
      since: '2026-02-08T16:00:00.000Z',
      until: '2026-02-16T16:00:00.000Z',
    })
    expect(status.json.reasons[0].text).toContain('湖北省武汉市')
  })

  it('flags the resident whose questionnaire left the stay out', async () => {
    const flags = await ops.request({
      method: 'GET',
      path: '/v1/flags',
      token: second.token,
    })
    expect(flags.status).toBe(200)
    expect(flags.json.items).toEqual([
      {
        id: expect.any(String),
        residentId: traveller.residentId,
        maskedName: '**明',
        kind: 'travel_not_declared',
        place: 'wuhan',
        at: '2026-02-09T06:30:00.000Z',
        declaredAt: START,
        createdAt: START,
      },
    ])
  })

  it('adds nothing when the same file is imported again', async () => {
    const before = await factStoreOf(stack.runtime).loadFacts(
      traveller.residentId,
    )
    const stay = '2026-02-09T14:30:00+08:00'
    const csv = `${HEADER}\n${row(traveller.documentNumber, 'wuhan', stay)}\n`
    const again = await post(first.token, '/v1/imports/travel-records', { csv })
    expect(again.json).toMatchObject({ imported: 1, flagged: 1, errors: [] })
    const after = await factStoreOf(stack.runtime).loadFacts(
      traveller.residentId,
    )
    expect(after?.version).toBe(before?.version)
    const flags = await ops.request({
      method: 'GET',
      path: '/v1/flags',
      token: second.token,
    })
    expect(flags.json.items).toHaveLength(1)
  })

  it('accepts a file larger than other bodies may be', async () => {
    const rows = Array.from(
      { length: 400 },
      (_, index) =>
        `${row(nextMainlandId(), 'hangzhou', '2026-02-10T09:00:00+08:00')}` +
        `-${index}`,
    )
    const csv = [HEADER, ...rows].join('\n')
    expect(csv.length).toBeGreaterThan(16 * 1024)
    const big = await post(first.token, '/v1/imports/travel-records', { csv })
    expect(big.status).toBe(200)
    expect(big.json).toMatchObject({ imported: 0, skipped: 400, errors: [] })
  })

  it('answers IMPORT_TOO_LARGE above 2 MiB', async () => {
    const csv = `${HEADER}\n${'x'.repeat(2 * 1024 * 1024)}`
    const tooBig = await post(first.token, '/v1/imports/travel-records', {
      csv,
    })
    expect(tooBig.status).toBe(413)
    expect(tooBig.json.code).toBe('IMPORT_TOO_LARGE')
  })

  it('audits the import and the read of flags', async () => {
    const imports = (await ops.auditOf(`operator#${first.accountId}`)).filter(
      (r) => r.action === 'travel_records_imported',
    )
    const firstImport = imports.find((record) => record.after.rows === 6)
    expect(firstImport).toMatchObject({
      actor: { accountId: first.accountId, role: 'operator' },
      before: null,
      after: { imported: 2, flagged: 1, skipped: 2, errors: 2, residents: 2 },
    })
    const reads = (await ops.auditOf(`operator#${second.accountId}`)).filter(
      (r) => r.kind === 'personal_data_read' && r.data === 'flags',
    )
    expect(reads[0]).toMatchObject({ residentCount: 1, query: {} })
  })
})

describe('GET /v1/exports/cases.csv', () => {
  it('neutralises formulas and shows masked names only', async () => {
    const patient = await resident(stack)
    const reported = await post(first.token, '/v1/cases', {
      document: { type: 'mainland_id', number: patient.documentNumber },
      kind: 'suspected',
      onset: '2026-02-11',
      note: '=HYPERLINK("http://example.invalid","open")',
    })
    expect(reported.status).toBe(201)
    const response = await ops.request({
      method: 'GET',
      path: '/v1/exports/cases.csv',
      token: second.token,
    })
    expect(response.status).toBe(200)
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8')
    const text = new TextDecoder().decode(response.bytes)
    const lines = text.replace(/^\uFEFF/, '').split('\r\n')
    expect(lines[0]).toBe(
      'case_id,kind,onset,sample_date,reported_at,masked_name,note',
    )
    expect(lines).toContain(
      `${reported.json.id},suspected,2026-02-11,,2026-02-12 10:00,**明,` +
        `"'=HYPERLINK(""http://example.invalid"",""open"")"`,
    )
    expect(text).not.toContain('王小明')
    expect(text).not.toContain(patient.documentNumber)
    const reads = (await ops.auditOf(`operator#${second.accountId}`)).filter(
      (r) => r.data === 'cases_export',
    )
    expect(reads).toHaveLength(1)
    expect(reads[0]?.residentCount).toBeGreaterThanOrEqual(1)
  })
})

describe('GET /v1/stats', () => {
  it('counts residents, check-ins and cases', async () => {
    const statsStack = await createTestStack({ start: START })
    try {
      const statsOps = withOperators(statsStack)
      const operator = await statsOps.operator()
      const owner = await business(statsStack)
      const market = await venue(statsStack, owner)
      const bank = await venue(statsStack, owner, {
        type: 'bank',
        name: '银行',
      })
      const green = await resident(statsStack)
      const sick = await resident(statsStack, {
        symptoms: true,
        travel: ['none'],
        contact: 'none',
      })
      await resident(statsStack, null)
      const today = await checkIn(statsStack, green, market.codeText)
      expect(today.status).toBe(201)
      expect((await checkIn(statsStack, sick, bank.codeText)).status).toBe(201)
      statsStack.clock.set('2026-02-13T02:00:00.000Z')
      const nextDay = {
        ...green,
        token: await statsStack.signIn(green.phone.raw, green.phone.e164),
      }
      expect((await checkIn(statsStack, nextDay, market.codeText)).status).toBe(
        201,
      )
      const token = await statsStack.signIn(
        operator.phone.raw,
        operator.phone.e164,
      )
      const reported = await statsOps.request({
        method: 'POST',
        path: '/v1/cases',
        token,
        body: {
          document: { type: 'mainland_id', number: sick.documentNumber },
          kind: 'confirmed',
          onset: '2026-02-12',
        },
      })
      expect(reported.status).toBe(201)
      const response = await statsOps.request({
        method: 'GET',
        path: '/v1/stats?from=2026-02-12&to=2026-02-13',
        token,
      })
      expect(response.status).toBe(200)
      expect(response.json).toEqual({
        from: '2026-02-12',
        to: '2026-02-13',
        evaluatedAt: '2026-02-13T02:00:00.000Z',
        residents: { green: 1, yellow: 0, red: 1, unrated: 1 },
        checkins: [
          { date: '2026-02-12', venueType: 'bank', count: 1 },
          { date: '2026-02-12', venueType: 'market', count: 1 },
          { date: '2026-02-13', venueType: 'market', count: 1 },
        ],
        cases: [{ date: '2026-02-13', confirmed: 1, suspected: 0 }],
      })
    } finally {
      await statsStack.close()
    }
  })

  it('rejects a range longer than 31 days', async () => {
    const response = await ops.request({
      method: 'GET',
      path: '/v1/stats?from=2026-01-01&to=2026-02-12',
      token: first.token,
    })
    expect(response.status).toBe(400)
    expect(response.json.errors[0]).toMatchObject({ field: 'to' })
  })
})

describe('GET /v1/audit', () => {
  it("returns a resident's records and audits the read", async () => {
    const person = await resident(stack)
    await post(first.token, '/v1/overrides', {
      residentId: person.residentId,
      color: 'red',
      until: UNTIL,
      reasonCode: 'positive_test',
      evidenceRef: 'lab-9',
    })
    const response = await ops.request({
      method: 'GET',
      path: `/v1/audit?residentId=${person.residentId}`,
      token: second.token,
    })
    expect(response.status).toBe(200)
    const kinds = response.json.items.map(
      (item: any) =>
        `${item.kind}:${item.details.action ?? item.details.source}`,
    )
    expect(kinds.sort()).toEqual([
      'operator_action:override_set',
      'rating_changed:override',
      'rating_changed:questionnaire',
    ])
    const reads = (await ops.auditOf(`operator#${second.accountId}`)).filter(
      (r) => r.data === 'audit',
    )
    expect(reads.at(-1)).toMatchObject({
      query: { residentId: person.residentId },
      residentCount: 1,
    })
  })

  it('needs exactly one subject', async () => {
    const response = await ops.request({
      method: 'GET',
      path: '/v1/audit?residentId=a&venueId=b',
      token: second.token,
    })
    expect(response.status).toBe(400)
    expect(response.json.code).toBe('VALIDATION_FAILED')
  })
})
