import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda'
import { z } from 'zod'

// Starting a match runs the matcher function asynchronously, so reporting
// a case returns before every contact is rated. Lambda retries a failed
// asynchronous run (maximumRetryAttempts in serverless.yml), which is safe
// because matching appends facts with deterministic ids.

export const MatchRequest = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('case'), caseId: z.string().min(1) }).strict(),
  z.object({ kind: z.literal('venue'), riskId: z.string().min(1) }).strict(),
])
export type MatchRequest = z.infer<typeof MatchRequest>

export type StartMatching = (request: MatchRequest) => Promise<void>

/** Builds the asynchronous invocation of the matcher. */
export function matchInvokeCommand(
  functionName: string,
  request: MatchRequest,
): InvokeCommand {
  return new InvokeCommand({
    FunctionName: functionName,
    InvocationType: 'Event',
    Payload: new TextEncoder().encode(JSON.stringify(request)),
  })
}

/**
 * Creates the Lambda client. With an endpoint (the Lambda API of serverless
 * offline) it uses fixed dummy credentials, which serverless offline does
 * not check, so the local stage needs no AWS credentials.
 */
export function createLambdaClient(endpoint: string | null): LambdaClient {
  return endpoint === null
    ? new LambdaClient({})
    : new LambdaClient({
        endpoint,
        region: 'us-east-1',
        credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
      })
}

/**
 * Creates the function that starts matching. Throws when Lambda does not
 * accept the invocation (status other than 202), so the caller can tell
 * the operator that matching has not started.
 */
export function createLambdaInvoker(
  client: Pick<LambdaClient, 'send'>,
  functionName: string,
): StartMatching {
  return async (request) => {
    const output = await client.send(
      matchInvokeCommand(functionName, request),
    )
    if (output.StatusCode !== 202) {
      throw new Error(
        `Invoking ${functionName} failed: Lambda returned status ` +
          `${output.StatusCode ?? 'none'}, expected 202`,
      )
    }
  }
}
