'use strict'
// The one definition of the DynamoDB tables. serverless.yml turns it into
// CloudFormation resources, and scripts/lib/dynamodb-local.mjs and the
// integration tests create the same tables in DynamoDB Local.

/**
 * Tables by short name. A table's full name is `${prefix}-${name}`. Every
 * attribute named here is a string key attribute. `ttl` names the attribute
 * that contains the expiry time in epoch seconds, for tables whose items expire.
 * `indexes` are global secondary indexes by name, each projecting all
 * attributes unless `projection` is 'KEYS_ONLY'.
 */
const tables = {
  // Two kinds of item: `phone#<phone hash>` contains the account id of a
  // phone, and `account#<account id>` contains the account's role, phone
  // hash and resident id. Session tokens carry the account id, so both lookups
  // are strongly consistent reads by key.
  accounts: { partitionKey: 'pk' },
  // `byCodeRef` finds the resident of a scanned code's opaque subject.
  // It projects keys only, because resident items contain ciphertexts.
  residents: {
    partitionKey: 'residentId',
    indexes: {
      byCodeRef: { partitionKey: 'codeRef', projection: 'KEYS_ONLY' },
    },
  },
  // Keyed hash of a person's identity key -> resident id. A conditional put
  // on this table is what makes one person register only once.
  identities: { partitionKey: 'identityHash' },
  // Per phone: the current one-time password (`kind` = 'code') and the send
  // history that throttles new ones (`kind` = 'sends').
  otps: { partitionKey: 'phoneHash', sortKey: 'kind', ttl: 'ttl' },
  // Append-only history of rating changes and manual check-ins, newest
  // last per resident.
  audit: { partitionKey: 'residentId', sortKey: 'eventId' },
  // Unified social credit code -> the account that registered it. A
  // conditional put makes one business register only once.
  businesses: { partitionKey: 'creditCode' },
  // Venues, listed per business through `byOwner`.
  venues: {
    partitionKey: 'venueId',
    indexes: {
      byOwner: { partitionKey: 'ownerAccountId', sortKey: 'createdAt' },
    },
  },
  // Append-only history of venue changes such as code rotations.
  venueAudit: { partitionKey: 'venueId', sortKey: 'eventId' },
  // Check-ins per venue and city-local day (`venue#<id>#<YYYY-MM-DD>`),
  // sorted by `<ISO time>#<check-in id>`. `byResident` lists a resident's
  // check-ins by time, for the history and a case's trajectory.
  checkins: {
    partitionKey: 'pk',
    sortKey: 'sk',
    ttl: 'ttl',
    indexes: { byResident: { partitionKey: 'residentId', sortKey: 'sk' } },
  },
  // One item per resident and venue (`<resident id>#<venue id>`) while
  // they stay. Its conditional put, in one transaction with the check-in,
  // makes repeated scans record one check-in.
  presence: { partitionKey: 'pk', ttl: 'ttl' },
  // Token ids (`jti`) of redeemed passes and codes. A conditional put
  // makes each one admit once.
  redemptions: { partitionKey: 'jti', ttl: 'ttl' },
  // Every verification at a venue's checkpoint, per venue and city-local
  // day like check-ins.
  checkpointEvents: { partitionKey: 'pk', sortKey: 'sk', ttl: 'ttl' },
  // Results of requests with an Idempotency-Key, in the layout of the
  // Powertools for AWS Lambda idempotency utility.
  idempotency: { partitionKey: 'id', ttl: 'expiration' },
  // Guardians and their dependents, household members and invitations,
  // one item kind per key prefix (cloudfunctions/src/households/keys.ts).
  // Invitations expire through `ttl`.
  households: { partitionKey: 'pk', sortKey: 'sk', ttl: 'ttl' },
  // Appeals against a color. `byStatus` lists the pending ones for
  // operators, oldest first, and `byResident` a resident's own.
  appeals: {
    partitionKey: 'appealId',
    indexes: {
      byStatus: { partitionKey: 'status', sortKey: 'filedAt' },
      byResident: { partitionKey: 'residentId', sortKey: 'filedAt' },
    },
  },
  // Reported cases by deterministic id (identity hash, kind and onset), so
  // reporting one case twice finds the first record.
  cases: { partitionKey: 'caseId' },
  // Periods in which health authorities list a venue as risky.
  riskWindows: { partitionKey: 'riskId' },
  // Bulk overrides awaiting a second operator. `byStatus` lists the
  // pending ones, oldest first.
  overrideRequests: {
    partitionKey: 'requestId',
    indexes: { byStatus: { partitionKey: 'status', sortKey: 'requestedAt' } },
  },
  // Residents an import found at odds with their questionnaire, listed
  // for operators through `byStatus`.
  flags: {
    partitionKey: 'flagId',
    indexes: { byStatus: { partitionKey: 'status', sortKey: 'createdAt' } },
  },
}

function tableName(prefix, name) {
  return `${prefix}-${name}`
}

function keySchemaOf(definition) {
  const keys = [{ AttributeName: definition.partitionKey, KeyType: 'HASH' }]
  if (definition.sortKey) {
    keys.push({ AttributeName: definition.sortKey, KeyType: 'RANGE' })
  }
  return keys
}

function indexesOf(definition) {
  return Object.entries(definition.indexes ?? {})
}

function attributeDefinitionsOf(definition) {
  const names = [
    ...keySchemaOf(definition),
    ...indexesOf(definition).flatMap(([, index]) => keySchemaOf(index)),
  ].map((key) => key.AttributeName)
  return [...new Set(names)].map((attributeName) => ({
    AttributeName: attributeName,
    AttributeType: 'S',
  }))
}

function globalSecondaryIndexesOf(definition) {
  return indexesOf(definition).map(([indexName, index]) => ({
    IndexName: indexName,
    KeySchema: keySchemaOf(index),
    Projection: { ProjectionType: index.projection ?? 'ALL' },
  }))
}

/** Returns the CreateTable request for one table (AWS SDK v3 shape). */
function createTableInput(prefix, name) {
  const definition = tables[name]
  const input = {
    TableName: tableName(prefix, name),
    KeySchema: keySchemaOf(definition),
    AttributeDefinitions: attributeDefinitionsOf(definition),
    BillingMode: 'PAY_PER_REQUEST',
  }
  const indexes = globalSecondaryIndexesOf(definition)
  if (indexes.length > 0) input.GlobalSecondaryIndexes = indexes
  return input
}

/** Returns the UpdateTimeToLive request for a table with a TTL, else null. */
function timeToLiveInput(prefix, name) {
  const definition = tables[name]
  if (!definition.ttl) return null
  return {
    TableName: tableName(prefix, name),
    TimeToLiveSpecification: {
      AttributeName: definition.ttl,
      Enabled: true,
    },
  }
}

/** Returns the CloudFormation logical id of a table, e.g. `AccountsTable`. */
function logicalIdOf(name) {
  return `${name[0].toUpperCase()}${name.slice(1)}Table`
}

function cloudFormationTable(prefix, name) {
  const definition = tables[name]
  const properties = {
    ...createTableInput(prefix, name),
    PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
    SSESpecification: { SSEEnabled: true },
  }
  if (definition.ttl) {
    properties.TimeToLiveSpecification = {
      AttributeName: definition.ttl,
      Enabled: true,
    }
  }
  // Retained so that removing a stack never deletes residents' records.
  return {
    Type: 'AWS::DynamoDB::Table',
    DeletionPolicy: 'Retain',
    UpdateReplacePolicy: 'Retain',
    Properties: properties,
  }
}

/** Returns the CloudFormation resources of every table. */
function cloudFormationResources(prefix) {
  const resources = {}
  for (const name of Object.keys(tables)) {
    resources[logicalIdOf(name)] = cloudFormationTable(prefix, name)
  }
  return resources
}

module.exports = {
  tables,
  tableName,
  createTableInput,
  timeToLiveInput,
  logicalIdOf,
  cloudFormationResources,
}
