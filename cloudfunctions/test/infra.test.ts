import { createRequire } from 'node:module'
import { describe, expect, it } from 'vitest'
import { createTableInput, tables } from '../infra/tables.cjs'

type ResolveVariable = (name: string) => Promise<string>
type Infra = {
  validatedCity(input: { resolveVariable: ResolveVariable }): Promise<string>
  resources(input: {
    resolveVariable: ResolveVariable
  }): Promise<Record<string, { Type: string; Properties: any }>>
}

const infra = createRequire(import.meta.url)(
  '../infra/serverless.cjs',
) as Infra

function variables(values: Record<string, string>): ResolveVariable {
  return async (name) => {
    const value = values[name]
    if (value === undefined) throw new Error(`Unexpected variable ${name}`)
    return value
  }
}

const SHANGHAI = {
  'self:service': 'health-code',
  'sls:stage': 'shanghai',
  'param:city': 'shanghai',
  'param:tablePrefix': 'health-code-shanghai',
  'param:secretsParameter': '/health-code/shanghai/secrets',
  'param:smsSender': 'sns',
}

describe('validatedCity', () => {
  it('returns a city whose rules load', async () => {
    const city = await infra.validatedCity({
      resolveVariable: variables(SHANGHAI),
    })
    expect(city).toBe('shanghai')
  })

  it('fails packaging for an unknown city', async () => {
    await expect(
      infra.validatedCity({
        resolveVariable: variables({ ...SHANGHAI, 'param:city': 'beijing' }),
      }),
    ).rejects.toThrow('Unknown city "beijing"')
  })
})

describe('CloudFormation resources', () => {
  it('defines every table on demand with its prefix', async () => {
    const resources = await infra.resources({
      resolveVariable: variables(SHANGHAI),
    })
    expect(resources.OtpsTable?.Properties).toMatchObject({
      TableName: 'health-code-shanghai-otps',
      BillingMode: 'PAY_PER_REQUEST',
      TimeToLiveSpecification: { AttributeName: 'ttl', Enabled: true },
    })
    const tableNames = Object.values(resources)
      .filter((resource) => resource.Type === 'AWS::DynamoDB::Table')
      .map((resource) => resource.Properties.TableName)
      .sort()
    expect(tableNames).toEqual(
      Object.keys(tables)
        .map((name) => `health-code-shanghai-${name}`)
        .sort(),
    )
  })

  it('creates the same key schema as the local tables', async () => {
    const resources = await infra.resources({
      resolveVariable: variables(SHANGHAI),
    })
    const local = createTableInput('health-code-shanghai', 'accounts')
    expect(resources.AccountsTable?.Properties.KeySchema).toEqual(
      local.KeySchema,
    )
  })

  it('grants the code function reads of two tables only', async () => {
    const resources = await infra.resources({
      resolveVariable: variables(SHANGHAI),
    })
    const statements =
      resources.CodesRole?.Properties.Policies[0].PolicyDocument.Statement
    const tableGrants = statements.filter((statement: { Action: string[] }) =>
      statement.Action.some((action) => action.startsWith('dynamodb:')),
    )
    expect(tableGrants).toEqual([
      {
        Effect: 'Allow',
        Action: ['dynamodb:GetItem'],
        Resource: { 'Fn::GetAtt': ['AccountsTable', 'Arn'] },
      },
      {
        Effect: 'Allow',
        Action: ['dynamodb:GetItem'],
        Resource: { 'Fn::GetAtt': ['ResidentsTable', 'Arn'] },
      },
    ])
  })

  it('creates the same indexes as the local tables', async () => {
    const resources = await infra.resources({
      resolveVariable: variables(SHANGHAI),
    })
    for (const [table, id] of [
      ['checkins', 'CheckinsTable'],
      ['venues', 'VenuesTable'],
      ['residents', 'ResidentsTable'],
    ] as const) {
      const local = createTableInput('health-code-shanghai', table)
      expect(resources[id]?.Properties.GlobalSecondaryIndexes).toEqual(
        local.GlobalSecondaryIndexes,
      )
      expect(resources[id]?.Properties.AttributeDefinitions).toEqual(
        local.AttributeDefinitions,
      )
    }
    expect(
      resources.ResidentsTable?.Properties.GlobalSecondaryIndexes,
    ).toEqual([
      {
        IndexName: 'byCodeRef',
        KeySchema: [{ AttributeName: 'codeRef', KeyType: 'HASH' }],
        Projection: { ProjectionType: 'KEYS_ONLY' },
      },
    ])
  })

  it('expires the records of check-ins and checkpoints', async () => {
    const resources = await infra.resources({
      resolveVariable: variables(SHANGHAI),
    })
    const ttlOf = (id: string) =>
      resources[id]?.Properties.TimeToLiveSpecification?.AttributeName
    expect(ttlOf('CheckinsTable')).toBe('ttl')
    expect(ttlOf('PresenceTable')).toBe('ttl')
    expect(ttlOf('RedemptionsTable')).toBe('ttl')
    expect(ttlOf('CheckpointEventsTable')).toBe('ttl')
    expect(ttlOf('IdempotencyTable')).toBe('expiration')
    expect(ttlOf('VenuesTable')).toBeUndefined()
  })

  it('grants index queries on the index ARNs', async () => {
    const resources = await infra.resources({
      resolveVariable: variables(SHANGHAI),
    })
    const statements =
      resources.CheckinsRole?.Properties.Policies[0].PolicyDocument.Statement
    const checkins = statements.find(
      (statement: { Resource: unknown }) =>
        JSON.stringify(statement.Resource).includes('CheckinsTable'),
    )
    expect(checkins).toEqual({
      Effect: 'Allow',
      Action: ['dynamodb:PutItem', 'dynamodb:GetItem', 'dynamodb:Query'],
      Resource: [
        { 'Fn::GetAtt': ['CheckinsTable', 'Arn'] },
        {
          'Fn::Join': [
            '',
            [{ 'Fn::GetAtt': ['CheckinsTable', 'Arn'] }, '/index/*'],
          ],
        },
      ],
    })
  })

  it('keeps redemptions to the checkpoint function', async () => {
    const resources = await infra.resources({
      resolveVariable: variables(SHANGHAI),
    })
    const users = Object.entries(resources)
      .filter(([, resource]) => resource.Type === 'AWS::IAM::Role')
      .filter(([, resource]) =>
        JSON.stringify(resource.Properties).includes('RedemptionsTable'),
      )
      .map(([id]) => id)
    expect(users).toEqual(['CheckpointRole'])
  })

  it('lets only the auth function publish SMS', async () => {
    const resources = await infra.resources({
      resolveVariable: variables(SHANGHAI),
    })
    const publishers = Object.entries(resources)
      .filter(([, resource]) => resource.Type === 'AWS::IAM::Role')
      .filter(([, resource]) =>
        JSON.stringify(resource.Properties).includes('sns:Publish'),
      )
      .map(([id]) => id)
    expect(publishers).toEqual(['AuthRole'])
  })

  it('lets only the cases function invoke, and only the matcher', async () => {
    const resources = await infra.resources({
      resolveVariable: variables(SHANGHAI),
    })
    const invokers = Object.entries(resources)
      .filter(([, resource]) => resource.Type === 'AWS::IAM::Role')
      .filter(([, resource]) =>
        JSON.stringify(resource.Properties).includes('lambda:'),
      )
      .map(([id]) => id)
    expect(invokers).toEqual(['CasesRole'])
    const statements =
      resources.CasesRole?.Properties.Policies[0].PolicyDocument.Statement
    const invoke = statements.filter((statement: { Action: string[] }) =>
      statement.Action.includes('lambda:InvokeFunction'),
    )
    expect(invoke).toEqual([
      {
        Effect: 'Allow',
        Action: ['lambda:InvokeFunction'],
        Resource: {
          'Fn::Sub':
            'arn:${AWS::Partition}:lambda:${AWS::Region}:${AWS::AccountId}:' +
            'function:health-code-shanghai-matcher',
        },
      },
    ])
  })

  it('grants no SSM access on the local stage', async () => {
    const resources = await infra.resources({
      resolveVariable: variables({
        ...SHANGHAI,
        'sls:stage': 'local',
        'param:secretsParameter': '',
        'param:smsSender': 'outbox',
      }),
    })
    const text = JSON.stringify(resources)
    expect(text).not.toContain('ssm:GetParameter')
    expect(text).not.toContain('sns:Publish')
  })
})
