import type { InvokeCommand } from '@aws-sdk/client-lambda'
import { describe, expect, it } from 'vitest'
import { createLambdaInvoker, matchInvokeCommand } from './invoker'

// Stand-in for the Lambda API: it records the commands and returns a
// fixed status.
class RecordingLambdaClient {
  readonly commands: InvokeCommand[] = []

  constructor(private readonly status: number) {}

  async send(command: InvokeCommand) {
    this.commands.push(command)
    return { StatusCode: this.status, $metadata: {} }
  }
}

describe('matchInvokeCommand', () => {
  it('invokes the matcher asynchronously with the request as JSON', () => {
    const command = matchInvokeCommand('health-code-local-matcher', {
      kind: 'case',
      caseId: 'case-1',
    })
    expect(command.input.FunctionName).toBe('health-code-local-matcher')
    expect(command.input.InvocationType).toBe('Event')
    const payload = new TextDecoder().decode(
      command.input.Payload as Uint8Array,
    )
    expect(JSON.parse(payload)).toEqual({ kind: 'case', caseId: 'case-1' })
  })
})

describe('createLambdaInvoker', () => {
  it('sends one invocation per request', async () => {
    const client = new RecordingLambdaClient(202)
    const start = createLambdaInvoker(
      client as never,
      'health-code-hangzhou-matcher',
    )
    await start({ kind: 'venue', riskId: 'risk-1' })
    const names = client.commands.map((command) => command.input.FunctionName)
    expect(names).toEqual(['health-code-hangzhou-matcher'])
  })

  it('fails when Lambda does not accept the invocation', async () => {
    const start = createLambdaInvoker(
      new RecordingLambdaClient(404) as never,
      'health-code-hangzhou-matcher',
    )
    await expect(start({ kind: 'case', caseId: 'case-1' })).rejects.toThrow(
      'Invoking health-code-hangzhou-matcher failed: Lambda returned ' +
        'status 404, expected 202',
    )
  })
})
