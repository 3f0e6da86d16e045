import { DynamoDBClient } from '@aws-sdk/client-dynamodb'
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb'
import { tableName, tables, type TableName } from '../../infra/tables.cjs'

export type TableNames = Readonly<Record<TableName, string>>

export function tableNamesFor(prefix: string): TableNames {
  const names = Object.keys(tables) as TableName[]
  const entries = names.map((name) => [name, tableName(prefix, name)])
  return Object.fromEntries(entries) as Record<TableName, string>
}

/**
 * Creates the document client. With an endpoint (DynamoDB Local) it uses
 * fixed dummy credentials, which DynamoDB Local accepts, so the local stage
 * needs no AWS credentials.
 */
export function createDocumentClient(
  endpoint: string | null,
): DynamoDBDocumentClient {
  return DynamoDBDocumentClient.from(createDynamoDbClient(endpoint), {
    marshallOptions: { removeUndefinedValues: true },
  })
}

/** Creates the low-level client, for libraries that marshal by themselves. */
export function createDynamoDbClient(endpoint: string | null): DynamoDBClient {
  return endpoint === null
    ? new DynamoDBClient({})
    : new DynamoDBClient({
        endpoint,
        region: 'us-east-1',
        credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
      })
}

/** Tells whether an error is DynamoDB's failed-condition error. */
export function isConditionFailure(error: unknown): boolean {
  return (
    error instanceof Error && error.name === 'ConditionalCheckFailedException'
  )
}

/** Epoch seconds, the unit of DynamoDB's time-to-live attribute. */
export function epochSeconds(date: Date): number {
  return Math.floor(date.getTime() / 1000)
}
