'use strict'
// The one definition of the DynamoDB tables. serverless.yml turns it into
// CloudFormation resources, and scripts/lib/dynamodb-local.mjs and the
// integration tests create the same tables in DynamoDB Local.

/**
 * Tables by short name. A table's full name is `${prefix}-${name}`. Every
 * attribute named here is a string key attribute. `ttl` names the attribute
 * that contains the expiry time in epoch seconds, for tables whose items expire.
 */
const tables = {
  // Two kinds of item: `phone#<phone hash>` contains the account id of a
  // phone, and `account#<account id>` contains the account's role, phone
  // hash and resident id. Session tokens carry the account id, so both lookups
  // are strongly consistent reads by key.
  accounts: { partitionKey: 'pk' },
  residents: { partitionKey: 'residentId' },
  // Keyed hash of a person's identity key -> resident id. A conditional put
  // on this table is what makes one person register only once.
  identities: { partitionKey: 'identityHash' },
  // Per phone: the current one-time password (`kind` = 'code') and the send
  // history that throttles new ones (`kind` = 'sends').
  otps: { partitionKey: 'phoneHash', sortKey: 'kind', ttl: 'ttl' },
  // Append-only history of rating changes, newest last per resident.
  audit: { partitionKey: 'residentId', sortKey: 'eventId' },
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

function attributeDefinitionsOf(definition) {
  return keySchemaOf(definition).map((key) => ({
    AttributeName: key.AttributeName,
    AttributeType: 'S',
  }))
}

/** Returns the CreateTable request for one table (AWS SDK v3 shape). */
function createTableInput(prefix, name) {
  const definition = tables[name]
  return {
    TableName: tableName(prefix, name),
    KeySchema: keySchemaOf(definition),
    AttributeDefinitions: attributeDefinitionsOf(definition),
    BillingMode: 'PAY_PER_REQUEST',
  }
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
