import { mkdir, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { startDynamoDbLocal, createTables } from './dynamodb-local.mjs'
import { startChild, waitForHttp } from './processes.mjs'
import { loadOrCreateSecrets } from './secrets.mjs'
import { serveStatic } from './static-server.mjs'

export const defaultPorts = {
  dynamodb: 8000,
  api: 3000,
  lambda: 3002,
  web: 10086,
}

/**
 * Starts the local stage: DynamoDB Local in memory, its tables, the API under
 * serverless offline and the H5 build, all on 127.0.0.1. Returns the URLs
 * and a stop() that ends every child it started.
 */
export async function startStack({
  root,
  ports = defaultPorts,
  quiet = false,
  stateDir = join(root, '.local'),
}) {
  const outboxFile = join(stateDir, 'sms-outbox.jsonl')
  await mkdir(stateDir, { recursive: true })
  await rm(outboxFile, { force: true })
  const secrets = await loadOrCreateSecrets(join(stateDir, 'secrets.json'))

  const stops = []
  const stop = async () => {
    for (const stopOne of stops.reverse()) await stopOne().catch(() => {})
  }
  try {
    const dynamodb = await startDynamoDbLocal({ port: ports.dynamodb })
    stops.push(dynamodb.stop)
    const tablePrefix = 'hc-local'
    await createTables({ endpoint: dynamodb.endpoint, prefix: tablePrefix })

    const api = await startApi({
      root,
      ports,
      quiet,
      env: {
        DYNAMODB_ENDPOINT: dynamodb.endpoint,
        TABLE_PREFIX: tablePrefix,
        SMS_OUTBOX_FILE: outboxFile,
        SECRETS_JSON: JSON.stringify(secrets),
        // Venue codes point at the H5 app, which the web server below hosts.
        PUBLIC_BASE_URL: `http://127.0.0.1:${ports.web}`,
        WEB_ORIGIN: `http://127.0.0.1:${ports.web}`,
        // Lambda runs Node 22; the SDK's warning about the local Node 20
        // would repeat on every cold start.
        AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
        // The cases function starts the matcher through this Lambda API.
        LAMBDA_ENDPOINT: `http://127.0.0.1:${ports.lambda}`,
      },
    })
    stops.push(api.stop)

    const web = await serveStatic({
      root: join(root, 'miniprogram', 'dist', 'h5'),
      port: ports.web,
      apiUrl: `http://127.0.0.1:${ports.api}`,
    })
    stops.push(web.close)

    return {
      apiUrl: `http://127.0.0.1:${ports.api}`,
      webUrl: web.url,
      dynamodbEndpoint: dynamodb.endpoint,
      outboxFile,
      pids: { dynamodb: dynamodb.pid, api: api.pid },
      stop,
    }
  } catch (error) {
    await stop()
    throw error
  }
}

async function startApi({ root, ports, quiet, env }) {
  const bin = join(root, 'node_modules', 'serverless', 'bin')
  const serverless = join(bin, 'serverless.js')
  const child = startChild(
    'serverless offline',
    process.execPath,
    [
      serverless,
      'offline',
      'start',
      '--stage',
      'local',
      '--host',
      '127.0.0.1',
      '--httpPort',
      String(ports.api),
      '--lambdaPort',
      String(ports.lambda),
    ],
    { cwd: root, env, quiet },
  )
  await waitForHttp(`http://127.0.0.1:${ports.api}/v1/health`, child, {
    seconds: 120,
  }).catch(async (error) => {
    await child.stop()
    throw error
  })
  return child
}
