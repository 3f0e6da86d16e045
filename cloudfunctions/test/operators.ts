import { QueryCommand } from '@aws-sdk/lib-dynamodb'
import { createAuditLog } from '../src/audit/records'
import { createCaseHandler } from '../src/cases/handler'
import type { MatchRequest } from '../src/cases/invoker'
import { createMatcherHandler } from '../src/cases/matcher'
import type { MatchingDependencies } from '../src/cases/matching'
import { grantOperator } from '../src/operators/accounts'
import { createOperatorHandler } from '../src/operators/handler'
import { httpEvent, type EventInput } from './events'
import { nextPhone } from './ids'
import type { Person } from './people'
import type { TestResponse, TestStack } from './stack'

// The case, matcher and operator functions on top of a test stack. The
// matcher runs in-process: starting a match awaits the run, so a request
// that starts one returns after its contacts are rated.

const CASE_PATHS = ['/v1/cases', '/v1/risky-venues']
const OPERATOR_PREFIXES = [
  '/v1/overrides',
  '/v1/override-requests',
  '/v1/imports/',
  '/v1/flags',
  '/v1/exports/',
  '/v1/stats',
  '/v1/audit',
]

export type OperatorStack = Awaited<ReturnType<typeof withOperators>>

export function withOperators(
  stack: TestStack,
  matching?: MatchingDependencies,
) {
  const invoked: MatchRequest[] = []
  const matcher = createMatcherHandler(stack.runtime, matching)
  const cases = createCaseHandler(stack.runtime, async (request) => {
    invoked.push(request)
    await matcher(request)
  })
  const operators = createOperatorHandler(stack.runtime)

  async function request(input: EventInput): Promise<TestResponse> {
    const path = input.path.split('?')[0] ?? ''
    const handler = CASE_PATHS.includes(path)
      ? cases
      : OPERATOR_PREFIXES.some((prefix) => path.startsWith(prefix))
        ? operators
        : null
    if (handler === null) return stack.request(input)
    const result = await handler(httpEvent(input))
    const headers = Object.fromEntries(
      Object.entries(result.headers ?? {}).map(([name, value]) => [
        name,
        String(value),
      ]),
    )
    const body = result.body ?? ''
    if (result.isBase64Encoded === true) {
      return {
        status: result.statusCode ?? 200,
        headers,
        json: undefined,
        bytes: new Uint8Array(Buffer.from(body, 'base64')),
      }
    }
    return {
      status: result.statusCode ?? 200,
      headers,
      json: body === '' ? undefined : JSON.parse(body),
    }
  }

  /** Grants the operator role to a new phone and signs it in. */
  async function operator(): Promise<Person & { accountId: string }> {
    const phone = nextPhone('139')
    const granted = await grantOperator(
      {
        accounts: { db: stack.runtime.db, tables: stack.runtime.tables },
        pii: stack.runtime.pii,
        audit: createAuditLog(stack.runtime.db, stack.runtime.tables),
      },
      phone.e164,
      stack.clock.now(),
    )
    const token = await stack.signIn(phone.raw, phone.e164)
    return { token, phone, accountId: granted.accountId }
  }

  /** Returns the audit records of a subject, oldest first. */
  async function auditOf(subject: string): Promise<Record<string, any>[]> {
    const output = await stack.runtime.db.send(
      new QueryCommand({
        TableName: stack.runtime.tables.audit,
        KeyConditionExpression: 'residentId = :subject',
        ExpressionAttributeValues: { ':subject': subject },
      }),
    )
    return output.Items ?? []
  }

  return { invoked, matcher, request, operator, auditOf }
}
