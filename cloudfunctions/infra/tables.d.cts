// Types of tables.cjs, which stays plain CommonJS so that serverless.yml and
// the local scripts can load it without a TypeScript step.

export type TableName = 'accounts' | 'residents' | 'identities' | 'otps' | 'audit'

export interface TableDefinition {
  partitionKey: string
  sortKey?: string
  ttl?: string
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
