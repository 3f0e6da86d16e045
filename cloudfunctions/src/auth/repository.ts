import {
  DeleteCommand,
  GetCommand,
  PutCommand,
  UpdateCommand,
  type DynamoDBDocumentClient,
} from '@aws-sdk/lib-dynamodb'
import { z } from 'zod'
import { epochSeconds, isConditionFailure } from '../storage/dynamo'

// One-time passwords and their send history, both stored per phone hash in
// the otps table. Times are epoch milliseconds, except `ttl` in epoch
// seconds for DynamoDB's time-to-live. DynamoDB deletes expired items in
// the background rather than at expiry, so every read checks the times.

export const OtpCode = z.object({
  codeHash: z.string(),
  expiresAt: z.number(),
  attempts: z.number().int(),
})
export type OtpCode = z.infer<typeof OtpCode>

export const SendHistory = z.object({
  sentAt: z.array(z.number()),
  version: z.number().int(),
})
export type SendHistory = z.infer<typeof SendHistory>

export type OtpRepository = {
  getSendHistory(phoneHash: string): Promise<SendHistory | null>
  // Replaces the history unless another request changed it since
  // `previous` was read.
  saveSendHistory(
    phoneHash: string,
    sentAt: number[],
    previous: SendHistory | null,
    expiresAt: Date,
  ): Promise<'saved' | 'conflict'>
  putCode(phoneHash: string, code: OtpCode): Promise<void>
  getCode(phoneHash: string): Promise<OtpCode | null>
  // Adds one failed attempt to the code with this hash if it is still
  // alive. Returns the new count, or null when the code was replaced,
  // used or already dead.
  countFailedAttempt(
    phoneHash: string,
    codeHash: string,
    maxAttempts: number,
  ): Promise<number | null>
  // Deletes the code with this hash if it is still alive at `now`, so each
  // code signs in at most once. Returns whether this call deleted it.
  consumeCode(
    phoneHash: string,
    codeHash: string,
    maxAttempts: number,
    now: Date,
  ): Promise<boolean>
}

const CODE = 'code'
const SENDS = 'sends'

export function createOtpRepository(
  db: DynamoDBDocumentClient,
  tableName: string,
): OtpRepository {
  const key = (phoneHash: string, kind: string) => ({ phoneHash, kind })
  return {
    async getSendHistory(phoneHash) {
      const output = await db.send(
        new GetCommand({
          TableName: tableName,
          Key: key(phoneHash, SENDS),
          ConsistentRead: true,
        }),
      )
      return output.Item === undefined ? null : SendHistory.parse(output.Item)
    },

    async saveSendHistory(phoneHash, sentAt, previous, expiresAt) {
      try {
        await db.send(
          new PutCommand({
            TableName: tableName,
            Item: {
              ...key(phoneHash, SENDS),
              sentAt,
              version: (previous?.version ?? 0) + 1,
              ttl: epochSeconds(expiresAt),
            },
            ConditionExpression:
              previous === null
                ? 'attribute_not_exists(phoneHash)'
                : 'version = :version',
            ExpressionAttributeValues:
              previous === null ? undefined : { ':version': previous.version },
          }),
        )
        return 'saved'
      } catch (error) {
        if (isConditionFailure(error)) return 'conflict'
        throw error
      }
    },

    async putCode(phoneHash, code) {
      await db.send(
        new PutCommand({
          TableName: tableName,
          Item: {
            ...key(phoneHash, CODE),
            ...code,
            ttl: epochSeconds(new Date(code.expiresAt)),
          },
        }),
      )
    },

    async getCode(phoneHash) {
      const output = await db.send(
        new GetCommand({
          TableName: tableName,
          Key: key(phoneHash, CODE),
          ConsistentRead: true,
        }),
      )
      return output.Item === undefined ? null : OtpCode.parse(output.Item)
    },

    async countFailedAttempt(phoneHash, codeHash, maxAttempts) {
      try {
        const output = await db.send(
          new UpdateCommand({
            TableName: tableName,
            Key: key(phoneHash, CODE),
            UpdateExpression: 'ADD attempts :one',
            ConditionExpression:
              'codeHash = :codeHash AND attempts < :maxAttempts',
            ExpressionAttributeValues: {
              ':one': 1,
              ':codeHash': codeHash,
              ':maxAttempts': maxAttempts,
            },
            ReturnValues: 'UPDATED_NEW',
          }),
        )
        return z.number().int().parse(output.Attributes?.attempts)
      } catch (error) {
        if (isConditionFailure(error)) return null
        throw error
      }
    },

    async consumeCode(phoneHash, codeHash, maxAttempts, now) {
      try {
        await db.send(
          new DeleteCommand({
            TableName: tableName,
            Key: key(phoneHash, CODE),
            ConditionExpression:
              'codeHash = :codeHash AND attempts < :maxAttempts ' +
              'AND expiresAt > :now',
            ExpressionAttributeValues: {
              ':codeHash': codeHash,
              ':maxAttempts': maxAttempts,
              ':now': now.getTime(),
            },
          }),
        )
        return true
      } catch (error) {
        if (isConditionFailure(error)) return false
        throw error
      }
    },
  }
}
