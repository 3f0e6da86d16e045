// Creates, lists and revokes operator accounts of a stage.
//
//   npx tsx cloudfunctions/src/operators/cli.ts create --stage local \
//     --phone 13700000001
//   npm run operator -- list --stage hangzhou --region ap-east-1
//
// The local stage uses DynamoDB Local (DYNAMODB_ENDPOINT, default
// http://127.0.0.1:8000, tables hc-local-*) and the keys in
// .local/secrets.json, so the local stack must be running. Other stages use
// the AWS credentials of the environment, the tables
// health-code-<stage>-* and the secrets in the SSM parameter
// /health-code/<stage>/secrets.
import { readFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { DynamoDBClient } from '@aws-sdk/client-dynamodb'
import { SSMClient } from '@aws-sdk/client-ssm'
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb'
import { parsePhone } from '@healthcode/shared'
import { createAuditLog } from '../audit/records'
import { loadSecrets, type SecretKeys } from '../config/secrets'
import { createDocumentClient, tableNamesFor } from '../storage/dynamo'
import { createPiiProtector } from '../storage/pii'
import {
  grantOperator,
  listOperators,
  revokeOperator,
  type OperatorDependencies,
} from './accounts'

const SERVICE = 'health-code'
const LOCAL_STAGE = 'local'
const DEFAULT_REGION = 'ap-east-1'
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..')

const USAGE = `Usage: operator <command> --stage <stage> [options]

Commands:
  create --phone <phone>   grant the operator role to the phone's account,
                           creating the account if needed
  revoke --phone <phone>   remove the operator role
  list                     list operator accounts

Options:
  --stage <stage>    local, or a city stage such as hangzhou
  --region <region>  AWS region of a city stage (default: AWS_REGION, else
                     ${DEFAULT_REGION})
`

type Output = { out(line: string): void; err(line: string): void }

type Command =
  | { kind: 'create' | 'revoke'; stage: string; region: string; phone: string }
  | { kind: 'list'; stage: string; region: string }

type ParsedArgs =
  | { kind: 'ok'; command: Command }
  | { kind: 'usage'; message: string }

export function parseCommand(
  argv: readonly string[],
  environment: Record<string, string | undefined>,
): ParsedArgs {
  let parsed
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        stage: { type: 'string' },
        phone: { type: 'string' },
        region: { type: 'string' },
      },
    })
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    return { kind: 'usage', message }
  }
  const [name, ...rest] = parsed.positionals
  const { stage, phone } = parsed.values
  const region =
    parsed.values.region ?? environment.AWS_REGION ?? DEFAULT_REGION
  if (rest.length > 0) {
    return { kind: 'usage', message: `Unexpected argument ${rest[0]}` }
  }
  if (stage === undefined || !/^[a-z][a-z0-9-]*$/.test(stage)) {
    return { kind: 'usage', message: '--stage is missing or invalid' }
  }
  switch (name) {
    case 'list':
      return { kind: 'ok', command: { kind: 'list', stage, region } }
    case 'create':
    case 'revoke': {
      if (phone === undefined) {
        return { kind: 'usage', message: `${name} needs --phone` }
      }
      const parsedPhone = parsePhone(phone)
      if (parsedPhone.kind === 'invalid') {
        return { kind: 'usage', message: 'The phone number is invalid' }
      }
      return {
        kind: 'ok',
        command: { kind: name, stage, region, phone: parsedPhone.phone },
      }
    }
    default:
      return {
        kind: 'usage',
        message: 'Give a command: create, revoke or list',
      }
  }
}

// SECRETS_FILE points at another local stack's secrets, such as the one the
// end-to-end tests start under .local/e2e.
async function readLocalSecrets(
  environment: Record<string, string | undefined>,
): Promise<SecretKeys> {
  const file =
    environment.SECRETS_FILE ?? join(root, '.local', 'secrets.json')
  const json = await readFile(file, 'utf8').catch(() => {
    throw new Error(
      `Failed to read ${file}. Start the local stack once with ` +
        '`node scripts/start.mjs`, which creates it.',
    )
  })
  return loadSecrets({ kind: 'inline', json }, () => new SSMClient({}))
}

/** Connects to the tables and keys of a stage. */
export async function stageDependencies(
  command: Command,
  environment: Record<string, string | undefined>,
): Promise<OperatorDependencies> {
  if (command.stage === LOCAL_STAGE) {
    const endpoint = environment.DYNAMODB_ENDPOINT ?? 'http://127.0.0.1:8000'
    const db = createDocumentClient(endpoint)
    const tables = tableNamesFor(environment.TABLE_PREFIX ?? 'hc-local')
    return {
      accounts: { db, tables },
      pii: createPiiProtector(await readLocalSecrets(environment)),
      audit: createAuditLog(db, tables),
    }
  }
  const region = command.region
  const secrets = await loadSecrets(
    { kind: 'parameter', name: `/${SERVICE}/${command.stage}/secrets` },
    () => new SSMClient({ region }),
  )
  const db = DynamoDBDocumentClient.from(new DynamoDBClient({ region }), {
    marshallOptions: { removeUndefinedValues: true },
  })
  const tables = tableNamesFor(`${SERVICE}-${command.stage}`)
  return {
    accounts: { db, tables },
    pii: createPiiProtector(secrets),
    audit: createAuditLog(db, tables),
  }
}

/** Runs one command and returns the process exit code. */
export async function run(
  command: Command,
  deps: OperatorDependencies,
  output: Output,
  now: Date,
): Promise<number> {
  switch (command.kind) {
    case 'create': {
      const result = await grantOperator(deps, command.phone, now)
      const messages = {
        created: 'Created operator account',
        granted: 'Granted the operator role to account',
        already_operator: 'Already an operator: account',
      } as const
      output.out(`${messages[result.kind]} ${result.accountId}`)
      output.out(
        'The operator signs in with this phone and a one-time password.',
      )
      return 0
    }
    case 'revoke': {
      const result = await revokeOperator(deps, command.phone, now)
      switch (result.kind) {
        case 'revoked':
          output.out(`Revoked the operator role of account ${result.accountId}`)
          return 0
        case 'not_operator':
          output.err(`Account ${result.accountId} is not an operator`)
          return 1
        case 'no_account':
          output.err('No account has this phone')
          return 1
      }
    }
    case 'list': {
      const operators = await listOperators(deps.accounts)
      for (const operator of operators) {
        output.out(
          [
            operator.accountId,
            operator.maskedPhone ?? '-',
            operator.operatorSince ?? '-',
          ].join('\t'),
        )
      }
      output.out(`${operators.length} operator account(s)`)
      return 0
    }
  }
}

async function main(): Promise<number> {
  const output: Output = {
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
  }
  const parsed = parseCommand(process.argv.slice(2), process.env)
  if (parsed.kind === 'usage') {
    output.err(`${parsed.message}\n\n${USAGE}`)
    return 2
  }
  const deps = await stageDependencies(parsed.command, process.env)
  return run(parsed.command, deps, output, new Date())
}

const invokedDirectly =
  process.argv[1] !== undefined &&
  fileURLToPath(import.meta.url) === process.argv[1]

if (invokedDirectly) {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      const message = error instanceof Error ? error.message : String(error)
      process.stderr.write(`operator: ${message}\n`)
      process.exit(1)
    },
  )
}
