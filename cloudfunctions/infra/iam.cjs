'use strict'
// One IAM role per Lambda function, granting only the table actions its
// code performs. DynamoDB checks each item of a TransactWriteItems call
// against the permission of its action (PutItem, UpdateItem, ...), so no
// separate transaction grant is listed (DynamoDB developer guide, "Using
// IAM with DynamoDB transactions").

const { logicalIdOf, tables } = require('./tables.cjs')

// Table actions per function, matching the repositories under
// cloudfunctions/src. Update this map when a repository starts a new kind
// of call, or the call fails with AccessDeniedException once deployed.
const access = {
  auth: {
    tables: {
      otps: ['GetItem', 'PutItem', 'UpdateItem', 'DeleteItem'],
      accounts: ['GetItem', 'PutItem'],
    },
    sendsSms: true,
  },
  registration: {
    tables: {
      accounts: ['GetItem', 'UpdateItem'],
      identities: ['GetItem', 'PutItem'],
      residents: ['GetItem', 'PutItem'],
    },
    sendsSms: false,
  },
  rating: {
    tables: {
      accounts: ['GetItem'],
      residents: ['GetItem', 'UpdateItem'],
      audit: ['PutItem'],
      // Notes about decided appeals in the status.
      appeals: ['Query'],
    },
    sendsSms: false,
  },
  codes: {
    tables: { accounts: ['GetItem'], residents: ['GetItem'] },
    sendsSms: false,
  },
  city: { tables: {}, sendsSms: false },
  businesses: {
    tables: {
      accounts: ['GetItem', 'UpdateItem'],
      businesses: ['GetItem', 'PutItem'],
    },
    sendsSms: false,
  },
  venues: {
    tables: {
      // Adding a guard creates the account of a phone that never signed in.
      accounts: ['GetItem', 'PutItem', 'UpdateItem'],
      venues: ['GetItem', 'PutItem', 'UpdateItem', 'Query'],
      venueAudit: ['PutItem'],
      // Stats count per day.
      checkins: ['Query'],
      checkpointEvents: ['Query'],
    },
    sendsSms: false,
  },
  checkins: {
    tables: {
      accounts: ['GetItem'],
      residents: ['GetItem'],
      venues: ['GetItem'],
      checkins: ['PutItem', 'GetItem', 'Query'],
      presence: ['GetItem', 'PutItem'],
      idempotency: ['GetItem', 'PutItem', 'UpdateItem', 'DeleteItem'],
    },
    sendsSms: false,
  },
  checkpoint: {
    tables: {
      venues: ['GetItem'],
      residents: ['GetItem', 'Query'],
      identities: ['GetItem'],
      checkins: ['PutItem', 'GetItem', 'Query'],
      presence: ['GetItem', 'PutItem'],
      redemptions: ['GetItem', 'PutItem'],
      checkpointEvents: ['PutItem'],
      audit: ['PutItem'],
      idempotency: ['GetItem', 'PutItem', 'UpdateItem', 'DeleteItem'],
    },
    sendsSms: false,
  },
  households: {
    tables: {
      accounts: ['GetItem'],
      // Dependents are residents, and a guardian's answers update them.
      identities: ['GetItem', 'PutItem'],
      residents: ['GetItem', 'PutItem', 'UpdateItem'],
      households: ['GetItem', 'PutItem', 'UpdateItem', 'DeleteItem', 'Query'],
      // Color changes of dependents' declarations.
      audit: ['PutItem'],
      // Notes about decided appeals in the statuses it returns.
      appeals: ['Query'],
    },
    sendsSms: false,
  },
  appeals: {
    tables: {
      accounts: ['GetItem'],
      // An approval appends a fact to the resident item.
      residents: ['GetItem', 'UpdateItem'],
      appeals: ['GetItem', 'PutItem', 'UpdateItem', 'DeleteItem', 'Query'],
      // Whose dependent the appellant is.
      households: ['GetItem', 'Query'],
      audit: ['PutItem'],
    },
    sendsSms: false,
  },
  cases: {
    tables: {
      accounts: ['GetItem'],
      identities: ['GetItem'],
      // Reading the masked name, and appending the case fact.
      residents: ['GetItem', 'UpdateItem'],
      cases: ['GetItem', 'PutItem', 'UpdateItem'],
      riskWindows: ['GetItem', 'PutItem', 'UpdateItem'],
      venues: ['GetItem'],
      audit: ['PutItem'],
    },
    sendsSms: false,
    // Starts matching, and may invoke nothing else.
    invokes: ['matcher'],
  },
  matcher: {
    tables: {
      cases: ['GetItem', 'UpdateItem'],
      riskWindows: ['GetItem', 'UpdateItem'],
      // A case's check-ins by index, visitors by venue and day.
      checkins: ['Query'],
      residents: ['GetItem', 'UpdateItem'],
      audit: ['PutItem'],
      // The case's household members, who get the household fact.
      households: ['GetItem', 'Query'],
    },
    sendsSms: false,
  },
  operators: {
    tables: {
      accounts: ['GetItem'],
      // Overrides and imports append facts. Statistics count colors.
      residents: ['GetItem', 'UpdateItem', 'Scan'],
      identities: ['BatchGetItem'],
      overrideRequests: ['GetItem', 'PutItem', 'UpdateItem', 'Query'],
      flags: ['PutItem', 'Query'],
      cases: ['Scan'],
      checkins: ['Scan'],
      audit: ['PutItem', 'Query'],
    },
    sendsSms: false,
  },
}

function roleLogicalIdOf(functionName) {
  return `${functionName[0].toUpperCase()}${functionName.slice(1)}Role`
}

// A Query of a global secondary index needs a grant on the index ARN,
// `<table ARN>/index/<name>`, besides the table.
function resourcesOf(table, actions) {
  const tableArn = { 'Fn::GetAtt': [logicalIdOf(table), 'Arn'] }
  const hasIndexes = Object.keys(tables[table].indexes ?? {}).length > 0
  if (!hasIndexes || !actions.includes('Query')) return tableArn
  return [tableArn, { 'Fn::Join': ['', [tableArn, '/index/*']] }]
}

function tableStatements(grants) {
  return Object.entries(grants).map(([table, actions]) => ({
    Effect: 'Allow',
    Action: actions.map((action) => `dynamodb:${action}`),
    Resource: resourcesOf(table, actions),
  }))
}

function logStatement(lambdaName) {
  return {
    Effect: 'Allow',
    Action: ['logs:CreateLogStream', 'logs:PutLogEvents'],
    Resource: {
      'Fn::Sub':
        'arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:' +
        `log-group:/aws/lambda/${lambdaName}:*`,
    },
  }
}

// A SecureString under the AWS managed key aws/ssm needs no kms:Decrypt
// grant, because that key grants Decrypt to every IAM principal of the
// account (Systems Manager guide, "Restricting decryption of SecureString
// parameter values"). A customer managed key would need a grant here.
function secretsStatement(parameterName) {
  return {
    Effect: 'Allow',
    Action: ['ssm:GetParameter'],
    Resource: {
      'Fn::Sub':
        'arn:${AWS::Partition}:ssm:${AWS::Region}:${AWS::AccountId}:' +
        `parameter${parameterName}`,
    },
  }
}

// SMS sent to a phone number has no resource ARN, so sns:Publish cannot
// be narrowed further than this.
const smsStatement = {
  Effect: 'Allow',
  Action: ['sns:Publish'],
  Resource: '*',
}

// Asynchronous invocation of one function of the stack, by its name.
function invokeStatement(lambdaName) {
  return {
    Effect: 'Allow',
    Action: ['lambda:InvokeFunction'],
    Resource: {
      'Fn::Sub':
        'arn:${AWS::Partition}:lambda:${AWS::Region}:${AWS::AccountId}:' +
        `function:${lambdaName}`,
    },
  }
}

/**
 * Returns the CloudFormation roles of every function. `secretsParameter`
 * is the SSM parameter name, or '' on the local stage, which reads its
 * secrets from the environment. `smsSender` 'sns' grants sns:Publish to
 * the function that sends SMS.
 */
function cloudFormationRoles({ service, stage, secretsParameter, smsSender }) {
  const roles = {}
  for (const [functionName, grants] of Object.entries(access)) {
    const statements = [
      logStatement(`${service}-${stage}-${functionName}`),
      ...tableStatements(grants.tables),
    ]
    if (secretsParameter !== '') {
      statements.push(secretsStatement(secretsParameter))
    }
    if (grants.sendsSms && smsSender === 'sns') statements.push(smsStatement)
    for (const target of grants.invokes ?? []) {
      statements.push(invokeStatement(`${service}-${stage}-${target}`))
    }
    roles[roleLogicalIdOf(functionName)] = {
      Type: 'AWS::IAM::Role',
      Properties: {
        AssumeRolePolicyDocument: {
          Version: '2012-10-17',
          Statement: [
            {
              Effect: 'Allow',
              Principal: { Service: 'lambda.amazonaws.com' },
              Action: 'sts:AssumeRole',
            },
          ],
        },
        Policies: [
          {
            PolicyName: `${service}-${stage}-${functionName}`,
            PolicyDocument: { Version: '2012-10-17', Statement: statements },
          },
        ],
      },
    }
  }
  return roles
}

module.exports = { access, cloudFormationRoles, roleLogicalIdOf }
