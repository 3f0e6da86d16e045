import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { nextPhone } from '../../test/ids'
import { createTestStack, type TestStack } from '../../test/stack'
import { createAuditLog } from '../audit/records'
import { parseCommand, run } from './cli'

const START = '2026-02-12T02:00:00.000Z'

let stack: TestStack

beforeAll(async () => {
  stack = await createTestStack({ start: START })
})

afterAll(async () => {
  await stack.close()
})

describe('parseCommand', () => {
  it('reads create with a normalised phone', () => {
    const argv = ['create', '--stage', 'local', '--phone', '137 0000 0001']
    expect(parseCommand(argv, {})).toEqual({
      kind: 'ok',
      command: {
        kind: 'create',
        stage: 'local',
        region: 'ap-east-1',
        phone: '+8613700000001',
      },
    })
  })

  it('takes the region from AWS_REGION', () => {
    const parsed = parseCommand(['list', '--stage', 'shanghai'], {
      AWS_REGION: 'cn-north-1',
    })
    expect(parsed).toMatchObject({ command: { region: 'cn-north-1' } })
  })

  it.each([
    [['create', '--stage', 'local'], 'create needs --phone'],
    [['list'], '--stage is missing or invalid'],
    [['list', '--stage', 'Local'], '--stage is missing or invalid'],
    [['delete', '--stage', 'local'], 'Give a command: create, revoke or list'],
    [
      ['revoke', '--stage', 'local', '--phone', '12345'],
      'The phone number is invalid',
    ],
  ])('rejects %j', (argv, message) => {
    expect(parseCommand(argv, {})).toEqual({ kind: 'usage', message })
  })
})

describe('run', () => {
  it('creates, lists and revokes an operator', async () => {
    const deps = {
      accounts: { db: stack.runtime.db, tables: stack.runtime.tables },
      pii: stack.runtime.pii,
      audit: createAuditLog(stack.runtime.db, stack.runtime.tables),
    }
    const phone = nextPhone('136').e164
    const lines: string[] = []
    const output = {
      out: (line: string) => lines.push(line),
      err: (line: string) => lines.push(`error: ${line}`),
    }
    const now = new Date(START)
    const base = { stage: 'local', region: 'ap-east-1' }
    const create = { kind: 'create', ...base, phone } as const
    const revoke = { kind: 'revoke', ...base, phone } as const
    expect(await run(create, deps, output, now)).toBe(0)
    const accountId = /account (\S+)$/.exec(lines[0] ?? '')?.[1]
    expect(lines[0]).toMatch(/^Created operator account /)
    expect(await run(create, deps, output, now)).toBe(0)
    expect(lines[2]).toBe(`Already an operator: account ${accountId}`)

    lines.length = 0
    expect(await run({ kind: 'list', ...base }, deps, output, now)).toBe(0)
    expect(lines).toEqual([
      `${accountId}\t+86136****${phone.slice(-4)}\t${START}`,
      '1 operator account(s)',
    ])

    lines.length = 0
    expect(await run(revoke, deps, output, now)).toBe(0)
    expect(await run(revoke, deps, output, now)).toBe(1)
    expect(lines).toEqual([
      `Revoked the operator role of account ${accountId}`,
      `error: Account ${accountId} is not an operator`,
    ])
    const text = lines.join('\n')
    expect(text).not.toContain(phone.slice(3, 10))
  })
})
