import { TransactionCanceledException } from '@aws-sdk/client-dynamodb'
import {
  GetCommand,
  PutCommand,
  QueryCommand,
  TransactWriteCommand,
  UpdateCommand,
  type DynamoDBDocumentClient,
} from '@aws-sdk/lib-dynamodb'
import { HouseholdMemberKind, Relationship } from '@healthcode/shared'
import { z } from 'zod'
import { Identity } from '../registration/repository'
import type { TableNames } from '../storage/dynamo'
import type { Resident } from '../storage/residents'
import {
  DEPENDENT_PREFIX,
  dependentLinkKey,
  GUARDIAN_PREFIX,
  guardianKey,
  guardianLinkKey,
  householdKey,
  invitationKey,
  linkFailuresKey,
  MEMBER_PREFIX,
  memberKey,
  membershipKey,
  type ItemKey,
} from './keys'

const Time = z.iso.datetime()

export const Membership = z.object({
  householdId: z.string(),
  kind: HouseholdMemberKind,
  joinedAt: Time,
})
export type Membership = z.infer<typeof Membership>

export const Household = z.object({
  householdId: z.string(),
  version: z.number().int(),
  memberCount: z.number().int(),
  createdAt: Time,
})
export type Household = z.infer<typeof Household>

export const Member = z.object({
  residentId: z.string(),
  kind: HouseholdMemberKind,
  joinedAt: Time,
})
export type Member = z.infer<typeof Member>

export const DependentLink = z.object({
  guardianId: z.string(),
  dependentId: z.string(),
  relationship: Relationship,
  linkedAt: Time,
})
export type DependentLink = z.infer<typeof DependentLink>

export const Invitation = z.object({
  inviterId: z.string(),
  createdAt: Time,
  expiresAt: Time,
})
export type Invitation = z.infer<typeof Invitation>

// A change of household membership, written in one transaction: members
// join the target household, each leaving the household named in `from`,
// and `dissolve` removes a household that every member left.
export type HouseholdPlan = {
  target:
    | {
        kind: 'existing'
        householdId: string
        expectedVersion: number
        memberCount: number
      }
    | { kind: 'new'; householdId: string; createdAt: string }
  joining: { member: Member; from: string | null }[]
  dissolve: { householdId: string; expectedVersion: number } | null
}

export type RegisterDependentOutcome =
  | { kind: 'created' }
  // The identity is registered already, the guardian reached the maximum,
  // or a concurrent change of the household got in first.
  | { kind: 'conflict'; reason: 'identity' | 'limit' | 'household' }

export type LinkDependentOutcome = 'linked' | 'limit' | 'already_linked'

export type HouseholdRepository = {
  getIdentity(identityHash: string): Promise<Identity | null>
  getMembership(residentId: string): Promise<Membership | null>
  getHousehold(householdId: string): Promise<Household | null>
  listMembers(householdId: string): Promise<Member[]>
  listDependentLinks(guardianId: string): Promise<DependentLink[]>
  getDependentLink(
    guardianId: string,
    dependentId: string,
  ): Promise<DependentLink | null>
  listGuardianIds(dependentId: string): Promise<string[]>
  // Writes the identity, the dependent, the guardian's link and the
  // household change in one transaction.
  registerDependent(input: {
    identity: Identity
    dependent: Resident
    link: DependentLink
    maxDependents: number
    household: HouseholdPlan
  }): Promise<RegisterDependentOutcome>
  linkDependent(input: {
    link: DependentLink
    maxDependents: number
  }): Promise<LinkDependentOutcome>
  putInvitation(
    phoneHash: string,
    invitation: Invitation,
    expiresAtEpochSeconds: number,
  ): Promise<void>
  getInvitation(phoneHash: string): Promise<Invitation | null>
  // Applies the plan and deletes the accepted invitation, or returns
  // 'conflict' when the households changed since they were read.
  joinHousehold(
    plan: HouseholdPlan,
    invitationPhoneHash: string,
  ): Promise<'joined' | 'conflict'>
  linkFailures(accountId: string, cityDay: string): Promise<number>
  // Counts one failed attempt and returns the day's count.
  recordLinkFailure(
    accountId: string,
    cityDay: string,
    expiresAtEpochSeconds: number,
  ): Promise<number>
}

// Positions in the dependent registration transaction, which DynamoDB
// reports back in CancellationReasons.
const IDENTITY_ITEM = 0
const GUARDIAN_ITEM = 2
const FIRST_HOUSEHOLD_ITEM = 5

// Positions in the link transaction.
const LINK_GUARDIAN_ITEM = 0
const LINK_ITEM = 1

type TransactItem = NonNullable<
  ConstructorParameters<typeof TransactWriteCommand>[0]['TransactItems']
>[number]

export function createHouseholdRepository(
  db: DynamoDBDocumentClient,
  tables: TableNames,
): HouseholdRepository {
  const table = tables.households

  async function get(key: ItemKey) {
    const output = await db.send(
      new GetCommand({ TableName: table, Key: key, ConsistentRead: true }),
    )
    return output.Item
  }

  async function query(pk: string, skPrefix: string) {
    const items: Record<string, unknown>[] = []
    let startKey: Record<string, unknown> | undefined
    do {
      const output = await db.send(
        new QueryCommand({
          TableName: table,
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
          ExpressionAttributeValues: { ':pk': pk, ':prefix': skPrefix },
          ConsistentRead: true,
          ExclusiveStartKey: startKey,
        }),
      )
      items.push(...(output.Items ?? []))
      startKey = output.LastEvaluatedKey
    } while (startKey !== undefined)
    return items
  }

  return {
    async getIdentity(identityHash) {
      const output = await db.send(
        new GetCommand({
          TableName: tables.identities,
          Key: { identityHash },
          ConsistentRead: true,
        }),
      )
      return output.Item === undefined ? null : Identity.parse(output.Item)
    },

    async getMembership(residentId) {
      const item = await get(membershipKey(residentId))
      return item === undefined ? null : Membership.parse(item)
    },

    async getHousehold(householdId) {
      const item = await get(householdKey(householdId))
      return item === undefined ? null : Household.parse(item)
    },

    async listMembers(householdId) {
      const pk = householdKey(householdId).pk
      return (await query(pk, MEMBER_PREFIX)).map((item) => Member.parse(item))
    },

    async listDependentLinks(guardianId) {
      const pk = guardianKey(guardianId).pk
      const items = await query(pk, DEPENDENT_PREFIX)
      return items.map((item) => DependentLink.parse(item))
    },

    async getDependentLink(guardianId, dependentId) {
      const item = await get(dependentLinkKey(guardianId, dependentId))
      return item === undefined ? null : DependentLink.parse(item)
    },

    async listGuardianIds(dependentId) {
      const pk = guardianLinkKey(dependentId, '').pk
      const items = await query(pk, GUARDIAN_PREFIX)
      return items.map((item) => z.string().parse(item.guardianId))
    },

    async registerDependent(input) {
      const items: TransactItem[] = [
        {
          Put: {
            TableName: tables.identities,
            Item: input.identity,
            ConditionExpression: 'attribute_not_exists(identityHash)',
          },
        },
        {
          Put: {
            TableName: tables.residents,
            Item: input.dependent,
            ConditionExpression: 'attribute_not_exists(residentId)',
          },
        },
        incrementDependents(table, input.link.guardianId, input.maxDependents),
        ...linkPuts(table, input.link),
        ...householdWrites(table, input.household),
      ]
      try {
        await db.send(new TransactWriteCommand({ TransactItems: items }))
        return { kind: 'created' }
      } catch (error) {
        const codes = cancellationCodes(error)
        if (codes === null) throw error
        if (codes[IDENTITY_ITEM] === 'ConditionalCheckFailed') {
          return { kind: 'conflict', reason: 'identity' }
        }
        if (codes[GUARDIAN_ITEM] === 'ConditionalCheckFailed') {
          return { kind: 'conflict', reason: 'limit' }
        }
        const householdFailed = codes
          .slice(FIRST_HOUSEHOLD_ITEM)
          .some((code) => code === 'ConditionalCheckFailed')
        if (householdFailed || codes.includes('TransactionConflict')) {
          return { kind: 'conflict', reason: 'household' }
        }
        throw error
      }
    },

    async linkDependent(input) {
      const items: TransactItem[] = [
        incrementDependents(table, input.link.guardianId, input.maxDependents),
        ...linkPuts(table, input.link),
      ]
      try {
        await db.send(new TransactWriteCommand({ TransactItems: items }))
        return 'linked'
      } catch (error) {
        const codes = cancellationCodes(error)
        if (codes === null) throw error
        if (codes[LINK_ITEM] === 'ConditionalCheckFailed') {
          return 'already_linked'
        }
        if (codes[LINK_GUARDIAN_ITEM] === 'ConditionalCheckFailed') {
          return 'limit'
        }
        throw error
      }
    },

    async putInvitation(phoneHash, invitation, expiresAtEpochSeconds) {
      await db.send(
        new PutCommand({
          TableName: table,
          Item: {
            ...invitationKey(phoneHash),
            ...invitation,
            ttl: expiresAtEpochSeconds,
          },
        }),
      )
    },

    async getInvitation(phoneHash) {
      const item = await get(invitationKey(phoneHash))
      return item === undefined ? null : Invitation.parse(item)
    },

    async joinHousehold(plan, invitationPhoneHash) {
      const items: TransactItem[] = [
        ...householdWrites(table, plan),
        {
          Delete: {
            TableName: table,
            Key: invitationKey(invitationPhoneHash),
            ConditionExpression: 'attribute_exists(pk)',
          },
        },
      ]
      try {
        await db.send(new TransactWriteCommand({ TransactItems: items }))
        return 'joined'
      } catch (error) {
        if (cancellationCodes(error) === null) throw error
        return 'conflict'
      }
    },

    async linkFailures(accountId, cityDay) {
      const item = await get(linkFailuresKey(accountId, cityDay))
      return item === undefined ? 0 : z.number().int().parse(item.failures)
    },

    async recordLinkFailure(accountId, cityDay, expiresAtEpochSeconds) {
      const output = await db.send(
        new UpdateCommand({
          TableName: table,
          Key: linkFailuresKey(accountId, cityDay),
          UpdateExpression: 'ADD failures :one SET #ttl = :ttl',
          ExpressionAttributeNames: { '#ttl': 'ttl' },
          ExpressionAttributeValues: {
            ':one': 1,
            ':ttl': expiresAtEpochSeconds,
          },
          ReturnValues: 'UPDATED_NEW',
        }),
      )
      return z.number().int().parse(output.Attributes?.failures)
    },
  }
}

// Codes of the cancelled items of a transaction, or null when the error
// is no cancelled transaction.
function cancellationCodes(error: unknown): (string | undefined)[] | null {
  if (!(error instanceof TransactionCanceledException)) return null
  return (error.CancellationReasons ?? []).map((reason) => reason.Code)
}

// Counts one more dependent of the guardian, failing at the maximum.
function incrementDependents(
  table: string,
  guardianId: string,
  maxDependents: number,
): TransactItem {
  return {
    Update: {
      TableName: table,
      Key: guardianKey(guardianId),
      UpdateExpression: 'ADD dependentCount :one',
      ConditionExpression:
        'attribute_not_exists(dependentCount) OR dependentCount < :max',
      ExpressionAttributeValues: { ':one': 1, ':max': maxDependents },
    },
  }
}

// The link under both of its keys. The order must keep LINK_ITEM.
function linkPuts(table: string, link: DependentLink): TransactItem[] {
  return [
    {
      Put: {
        TableName: table,
        Item: {
          ...dependentLinkKey(link.guardianId, link.dependentId),
          ...link,
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
    {
      Put: {
        TableName: table,
        Item: {
          ...guardianLinkKey(link.dependentId, link.guardianId),
          ...link,
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
  ]
}

function householdWrites(table: string, plan: HouseholdPlan): TransactItem[] {
  const target = plan.target
  const items: TransactItem[] = [targetWrite(table, plan)]
  for (const { member, from } of plan.joining) {
    const membership: Membership = {
      householdId: target.householdId,
      kind: member.kind,
      joinedAt: member.joinedAt,
    }
    items.push({
      Put: {
        TableName: table,
        Item: {
          ...memberKey(target.householdId, member.residentId),
          ...member,
        },
      },
    })
    if (from === null) {
      items.push({
        Put: {
          TableName: table,
          Item: { ...membershipKey(member.residentId), ...membership },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      })
      continue
    }
    items.push(
      {
        Put: {
          TableName: table,
          Item: { ...membershipKey(member.residentId), ...membership },
          ConditionExpression: 'householdId = :from',
          ExpressionAttributeValues: { ':from': from },
        },
      },
      {
        Delete: {
          TableName: table,
          Key: memberKey(from, member.residentId),
        },
      },
    )
  }
  if (plan.dissolve !== null) {
    items.push({
      Delete: {
        TableName: table,
        Key: householdKey(plan.dissolve.householdId),
        ConditionExpression: 'version = :version',
        ExpressionAttributeValues: {
          ':version': plan.dissolve.expectedVersion,
        },
      },
    })
  }
  return items
}

// Creates the target household, or moves its version on by one with the
// new member count, under the condition that nobody changed it since it
// was read.
function targetWrite(table: string, plan: HouseholdPlan): TransactItem {
  const target = plan.target
  const joining = plan.joining.length
  if (target.kind === 'new') {
    const household: Household = {
      householdId: target.householdId,
      version: 1,
      memberCount: joining,
      createdAt: target.createdAt,
    }
    return {
      Put: {
        TableName: table,
        Item: { ...householdKey(target.householdId), ...household },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    }
  }
  return {
    Update: {
      TableName: table,
      Key: householdKey(target.householdId),
      UpdateExpression: 'SET version = :next, memberCount = :count',
      ConditionExpression: 'version = :expected',
      ExpressionAttributeValues: {
        ':expected': target.expectedVersion,
        ':next': target.expectedVersion + 1,
        ':count': target.memberCount + joining,
      },
    },
  }
}
