// Types of dynamodb-local.mjs for the TypeScript tests that import it.
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb'

export declare const localCredentials: {
  accessKeyId: string
  secretAccessKey: string
}
export declare const localRegion: string

export declare function localClient(endpoint: string): DynamoDBClient

export declare function startDynamoDbLocal(options: { port: number }): Promise<{
  endpoint: string
  pid: number
  stop(): Promise<void>
}>

export declare function createTables(options: {
  endpoint: string
  prefix: string
  timeToLive?: boolean
}): Promise<void>
