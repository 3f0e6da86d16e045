// Types of tables.cjs, which stays plain CommonJS so that serverless.yml and
// the local scripts can load it without a TypeScript step.

export type TableName =
  | 'accounts'
  | 'residents'
  | 'identities'
  | 'otps'
  | 'audit'
  | 'businesses'
  | 'venues'
  | 'venueAudit'
  | 'checkins'
  | 'presence'
  | 'redemptions'
  | 'checkpointEvents'
  | 'idempotency'
  | 'households'
  | 'appeals'
  | 'cases'
  | 'riskWindows'
  | 'overrideRequests'
  | 'flags'

export interface IndexDefinition {
  partitionKey: string
  sortKey?: string
  projection?: 'ALL' | 'KEYS_ONLY'
}

export interface TableDefinition {
  partitionKey: string
  sortKey?: string
  ttl?: string
  indexes?: Record<string, IndexDefinition>
}

export declare const tables: Record<TableName, TableDefinition>
export declare function tableName(prefix: string, name: TableName): string
export declare function createTableInput(
  prefix: string,
  name: TableName,
): {
  TableName: string
  KeySchema: { AttributeName: string; KeyType: 'HASH' | 'RANGE' }[]
  AttributeDefinitions: { AttributeName: string; AttributeType: 'S' }[]
  BillingMode: 'PAY_PER_REQUEST'
  GlobalSecondaryIndexes?: {
    IndexName: string
    KeySchema: { AttributeName: string; KeyType: 'HASH' | 'RANGE' }[]
    Projection: { ProjectionType: 'ALL' | 'KEYS_ONLY' }
  }[]
}
export declare function timeToLiveInput(
  prefix: string,
  name: TableName,
): {
  TableName: string
  TimeToLiveSpecification: { AttributeName: string; Enabled: true }
} | null
export declare function logicalIdOf(name: TableName): string
export declare function cloudFormationResources(
  prefix: string,
): Record<string, unknown>
