import { parsePhone } from '@healthcode/shared'
import { expect } from 'vitest'
import { randomId } from '../src/auth/session'
import { putNewAccount } from '../src/storage/accounts'
import { nextMainlandId, nextPhone } from './ids'
import type { Person } from './people'
import type { TestStack } from './stack'

// People of the household and appeal tests: dependents registered by
// guardians through the real routes, and operators.

// A child born in 2018 in Hangzhou's Xihu district.
export function childBody(
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    name: '王小宝',
    document: {
      type: 'mainland_id',
      number: nextMainlandId('330106', '20180305'),
    },
    relationship: 'child',
    ...overrides,
  }
}

/** Registers a dependent for a guardian and returns its JSON. */
export async function dependent(
  stack: TestStack,
  guardian: Person,
  body: Record<string, unknown> = childBody(),
) {
  const response = await stack.request({
    method: 'POST',
    path: '/v1/residents/me/dependents',
    token: guardian.token,
    body,
  })
  expect(response.status).toBe(201)
  return response.json
}

/** Answers the questionnaire for a dependent and returns the status. */
export async function declareFor(
  stack: TestStack,
  guardian: Person,
  dependentId: string,
  answers: unknown,
  language = 'en',
) {
  const response = await stack.request({
    method: 'POST',
    path: `/v1/residents/me/dependents/${dependentId}/questionnaire`,
    token: guardian.token,
    headers: { 'accept-language': language },
    body: { answers },
  })
  expect(response.status).toBe(200)
  return response.json
}

/**
 * Creates an account with the operator role, as the operator command-line
 * tool does, and signs it in.
 */
export async function operator(stack: TestStack): Promise<Person> {
  const phone = nextPhone('139')
  const parsed = parsePhone(phone.raw)
  if (parsed.kind !== 'ok') throw new Error('A test phone did not parse')
  const { runtime } = stack
  await putNewAccount(
    { db: runtime.db, tables: runtime.tables },
    {
      accountId: randomId(),
      phoneHash: runtime.pii.hash('phone', parsed.phone),
      role: 'operator',
      createdAt: stack.clock.now().toISOString(),
    },
  )
  return { token: await stack.signIn(phone.raw, phone.e164), phone }
}
