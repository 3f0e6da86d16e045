// Starts the whole local stage and keeps it running until Ctrl-C.
import { execFile } from 'node:child_process'
import { watchFile, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import {
  demoBusiness,
  demoGuard,
  newcomerPhone,
  seedDemo,
} from './lib/demo.mjs'
import { defaultPorts, startStack } from './lib/stack.mjs'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const demoOperatorPhone = '13700000001'

// Grants the operator role with the same command-line tool a deployer uses,
// because no account is an operator by default.
async function createDemoOperator(stack) {
  const tsx = join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs')
  const cli = join(root, 'cloudfunctions', 'src', 'operators', 'cli.ts')
  const args = ['create', '--stage', 'local', '--phone', demoOperatorPhone]
  await promisify(execFile)(process.execPath, [tsx, cli, ...args], {
    env: { ...process.env, DYNAMODB_ENDPOINT: stack.dynamodbEndpoint },
  })
}

function maskPhone(phone) {
  return phone.slice(0, 3) + '****' + phone.slice(-4)
}

// Prints each new line of the local SMS outbox, so the one-time password
// for a sign-in in the browser appears in this terminal.
function followOutbox(outboxFile) {
  let printed = 0
  watchFile(outboxFile, { interval: 500 }, () => {
    let lines = []
    try {
      lines = readFileSync(outboxFile, 'utf8').split('\n').filter(Boolean)
    } catch {
      return
    }
    for (const line of lines.slice(printed)) {
      const message = JSON.parse(line)
      console.log(`[sms] to ${maskPhone(message.to)}: ${message.text}`)
    }
    printed = lines.length
  })
}

let stack = null

async function main() {
  console.log('Starting the local stage (city: Hangzhou) ...')
  stack = await startStack({ root, ports: defaultPorts, quiet: false })

  let stopping = false
  const shutdown = async (signal) => {
    if (stopping) return
    stopping = true
    console.log(
      `\n${signal}: stopping DynamoDB Local, the API and the web server`,
    )
    await stack.stop()
    process.exit(0)
  }
  process.on('SIGINT', () => shutdown('SIGINT'))
  process.on('SIGTERM', () => shutdown('SIGTERM'))

  const { residents, venue } = await seedDemo(stack.apiUrl, stack.outboxFile)
  await createDemoOperator(stack)
  followOutbox(stack.outboxFile)

  console.log(`
Health Code is running on the local stage.

  App (H5 build)   ${stack.webUrl}
  API              ${stack.apiUrl}/v1
  DynamoDB Local   ${stack.dynamodbEndpoint} (in memory)
  SMS outbox       ${stack.outboxFile}

Demo accounts (sign in with the phone; the one-time password is printed
below as "[sms]" lines and appended to the SMS outbox):
${residents
  .map((r) => `  ${r.phone}  ${r.name}  ${r.document.type}  ${r.color}`)
  .join('\n')}
  ${demoBusiness.phone}  business owning "${venue.name}"
  ${demoGuard.phone}  guard at "${venue.name}"
  ${demoOperatorPhone}  city operator (console: "Operator" on the home page)
  ${newcomerPhone}  (not registered: try the whole journey)

Venue code of "${venue.name}" (paste it on the check-in page, or download
the poster as the business):
  ${venue.codeText}

Press Ctrl-C to stop everything.`)
}

process.on('uncaughtException', async (error) => {
  console.error(error)
  await stack?.stop()
  process.exit(1)
})

main().catch(async (error) => {
  console.error(error)
  await stack?.stop()
  process.exit(1)
})
