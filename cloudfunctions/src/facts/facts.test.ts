import { QueryCommand } from '@aws-sdk/lib-dynamodb'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { resident } from '../../test/people'
import { createTestStack, type TestStack } from '../../test/stack'
import type { Actor } from '../audit/records'
import type { FactRecord } from './records'
import { factStoreOf, type FactStore } from './service'

// 10:00 on 12 February 2026 in Hangzhou (UTC+8).
const NOW = new Date('2026-02-12T02:00:00.000Z')
const OPERATOR: Actor = { accountId: 'operator-1', role: 'operator' }

let stack: TestStack
let store: FactStore

beforeAll(async () => {
  stack = await createTestStack({ start: NOW.toISOString() })
  store = factStoreOf(stack.runtime)
})

afterAll(async () => {
  await stack.close()
})

function exposure(
  id: string,
  color: 'yellow' | 'red',
  start: string,
  foundAt: Date = NOW,
): FactRecord {
  const startAt = new Date(start)
  const end = new Date(startAt.getTime() + 30 * 60_000)
  return {
    kind: 'exposure',
    id,
    ref: 'case-ref',
    fact: {
      color,
      start: startAt,
      end,
      window: { start: startAt, end },
      venueName: '文三路菜市场',
      cause: { kind: 'case', caseKind: 'confirmed' },
      foundAt,
    },
  }
}

async function ratingChanges(residentId: string) {
  const output = await stack.runtime.db.send(
    new QueryCommand({
      TableName: stack.runtime.tables.audit,
      KeyConditionExpression: 'residentId = :id',
      ExpressionAttributeValues: { ':id': residentId },
    }),
  )
  return (output.Items ?? []).filter(
    (item) => item.kind === 'rating_changed' && item.source !== 'questionnaire',
  )
}

describe('appendFact', () => {
  it('rates with the new fact and audits the color change', async () => {
    const person = await resident(stack)
    const result = await store.appendFact(
      person.residentId,
      exposure('x-1', 'yellow', '2026-02-11T03:00:00Z'),
      OPERATOR,
      NOW,
    )
    expect(result.kind).toBe('appended')
    if (result.kind !== 'appended') return
    expect(result.added).toEqual(['x-1'])
    expect(result.before?.color).toBe('green')
    expect(result.after?.color).toBe('yellow')
    expect(await ratingChanges(person.residentId)).toEqual([
      expect.objectContaining({
        at: NOW.toISOString(),
        actor: OPERATOR,
        source: 'exposure',
        factIds: ['x-1'],
        before: 'green',
        after: 'yellow',
        rules: ['exposure.confirmed_case'],
        rulesVersion: stack.runtime.rules.version,
      }),
    ])
  })

  it('stores a retried fact once and changes nothing', async () => {
    const person = await resident(stack)
    const fact = exposure('x-2', 'red', '2026-02-11T03:00:00Z')
    await store.appendFact(person.residentId, fact, OPERATOR, NOW)
    const loaded = await store.loadFacts(person.residentId)
    const retried = await store.appendFact(
      person.residentId,
      fact,
      OPERATOR,
      NOW,
    )
    expect(retried).toEqual({
      kind: 'duplicate',
      rating: expect.objectContaining({ color: 'red' }),
    })
    const after = await store.loadFacts(person.residentId)
    expect(after?.version).toBe(loaded?.version)
    expect(after?.records).toHaveLength(1)
    expect(await ratingChanges(person.residentId)).toHaveLength(1)
  })

  it('writes no audit record when the color stays', async () => {
    const person = await resident(stack)
    await store.appendFact(
      person.residentId,
      exposure('x-3', 'red', '2026-02-11T03:00:00Z'),
      OPERATOR,
      NOW,
    )
    const second = await store.appendFact(
      person.residentId,
      exposure('x-4', 'yellow', '2026-02-11T05:00:00Z'),
      OPERATOR,
      NOW,
    )
    expect(second.kind).toBe('appended')
    expect(second.kind === 'appended' ? second.audit : 'none').toBeNull()
    expect(await ratingChanges(person.residentId)).toHaveLength(1)
  })

  it('lands concurrent appends of one resident', async () => {
    const person = await resident(stack)
    const before = await store.loadFacts(person.residentId)

    const facts = Array.from({ length: 6 }, (_, index) =>
      exposure(
        `x-concurrent-${index}`,
        index === 3 ? 'red' : 'yellow',
        `2026-02-11T0${index}:00:00Z`,
      ),
    )
    await Promise.all(
      facts.map((fact) =>
        store.appendFact(person.residentId, fact, OPERATOR, NOW),
      ),
    )

    const loaded = await store.loadFacts(person.residentId)
    expect(loaded?.records.map((record) => record.id).sort()).toEqual(
      facts.map((fact) => fact.id).sort(),
    )
    expect(loaded?.version).toBe((before?.version ?? 0) + 6)

    const status = await stack.request({
      method: 'GET',
      path: '/v1/residents/me/status',
      token: person.token,
    })
    expect(status.json.color).toBe('red')
    // Green to red at once, or green to yellow and then red.
    const changes = await ratingChanges(person.residentId)
    const path = changes.map((change) => `${change.before}>${change.after}`)
    expect([['green>red'], ['green>yellow', 'yellow>red']]).toContainEqual(
      path.sort(),
    )
  })

  it('drops facts whose reasons ended over a day ago', async () => {
    const person = await resident(stack)
    // Yellow from 20 January lasts until 28 January.
    const old = exposure(
      'x-old',
      'yellow',
      '2026-01-20T03:00:00Z',
      new Date('2026-01-20T04:00:00Z'),
    )
    // Yellow from 4 February ended at 00:00 on 12 February, ten hours
    // ago, within the day of grace.
    const recent = exposure(
      'x-recent',
      'yellow',
      '2026-02-04T03:00:00Z',
      new Date('2026-02-04T04:00:00Z'),
    )
    await store.appendFacts(person.residentId, [old, recent], OPERATOR, NOW)
    const loaded = await store.loadFacts(person.residentId)
    expect(loaded?.records.map((record) => record.id)).toEqual(['x-recent'])
    expect(loaded?.facts.exposures).toHaveLength(1)
  })

  it('reports an unknown resident', async () => {
    const result = await store.appendFact(
      'no-such-resident',
      exposure('x-5', 'red', '2026-02-11T03:00:00Z'),
      OPERATOR,
      NOW,
    )
    expect(result).toEqual({ kind: 'not_found' })
  })
})

describe('loadFacts', () => {
  it('returns declarations and every other fact', async () => {
    const person = await resident(stack)
    await store.appendFact(
      person.residentId,
      {
        kind: 'household',
        id: 'household-1',
        ref: 'household-ref',
        fact: { reportedAt: NOW },
      },
      OPERATOR,
      NOW,
    )
    const loaded = await store.loadFacts(person.residentId)
    expect(loaded?.facts.declarations).toHaveLength(1)
    expect(loaded?.facts.household).toEqual([{ reportedAt: NOW }])
    expect(loaded?.records).toEqual([
      {
        kind: 'household',
        id: 'household-1',
        ref: 'household-ref',
        fact: { reportedAt: NOW },
      },
    ])
  })

  it('returns null for an unknown resident', async () => {
    expect(await store.loadFacts('no-such-resident')).toBeNull()
  })
})
