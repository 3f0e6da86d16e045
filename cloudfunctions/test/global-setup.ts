import { createServer } from 'node:net'
import type { TestProject } from 'vitest/node'
import { startDynamoDbLocal } from '../../scripts/lib/dynamodb-local.mjs'

// Asks the kernel for a free port on the loopback interface. Another
// process could take it before DynamoDB Local binds it, which would make
// the start fail with a clear error rather than share a database.
async function freePort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  await new Promise<void>((resolve) => server.close(() => resolve()))
  if (address === null || typeof address === 'string') {
    throw new Error('Could not read the port of a probe server')
  }
  return address.port
}

export default async function setup(project: TestProject) {
  // See the env setting in vitest.config.ts.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true'
  const dynamoDb = await startDynamoDbLocal({ port: await freePort() })
  project.provide('dynamoDbEndpoint', dynamoDb.endpoint)
  return async () => {
    await dynamoDb.stop()
  }
}
