import type { TestProject } from 'vitest/node'
import { join } from 'node:path'
// @ts-expect-error The launcher is plain JavaScript shared with npm start.
import { startStack } from '../scripts/lib/stack.mjs'

// Ports apart from npm start's defaults, so a running development stack and
// the tests do not collide.
const ports = { dynamodb: 8100, api: 3100, lambda: 3102, web: 10186 }

declare module 'vitest' {
  export interface ProvidedContext {
    apiUrl: string
    webUrl: string
    outboxFile: string
    dynamodbEndpoint: string
    secretsFile: string
  }
}

export default async function setup(project: TestProject) {
  const root = join(__dirname, '..')
  const stateDir = join(root, '.local', 'e2e')
  const stack = await startStack({ root, ports, quiet: true, stateDir })
  project.provide('apiUrl', stack.apiUrl)
  project.provide('webUrl', stack.webUrl)
  project.provide('outboxFile', stack.outboxFile)
  project.provide('dynamodbEndpoint', stack.dynamodbEndpoint)
  project.provide('secretsFile', join(stateDir, 'secrets.json'))
  return async () => {
    await stack.stop()
  }
}
