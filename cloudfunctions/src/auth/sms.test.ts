import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PublishCommand, type SNSClient } from '@aws-sdk/client-sns'
import { afterEach, describe, expect, it } from 'vitest'
import {
  OutboxSmsSender,
  SnsSmsSender,
  type SmsMessage,
  type SmsSender,
} from './sms'

const SENT_AT = new Date('2026-02-10T02:00:00.000Z')

// One implementation under the contract: a sender, a way to read back what
// it delivered, and a sender whose transport fails.
type Subject = {
  sender: SmsSender
  delivered(): Promise<SmsMessage[]>
  failingSender(): Promise<SmsSender>
}

const folders: string[] = []

afterEach(async () => {
  for (const folder of folders.splice(0)) {
    await rm(folder, { recursive: true, force: true })
  }
})

async function temporaryFolder(): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), 'health-code-sms-'))
  folders.push(folder)
  return folder
}

async function readOutbox(file: string) {
  const text = await readFile(file, 'utf8')
  return text
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as Record<string, unknown>)
}

async function outboxSubject(): Promise<Subject> {
  const file = join(await temporaryFolder(), 'nested', 'outbox.jsonl')
  return {
    sender: new OutboxSmsSender(file),
    delivered: async () =>
      (await readOutbox(file)).map((line) => ({
        to: String(line.to),
        text: String(line.text),
      })),
    failingSender: async () => {
      // A regular file where the outbox's folder should be.
      const blocker = join(await temporaryFolder(), 'blocker')
      await writeFile(blocker, '')
      return new OutboxSmsSender(join(blocker, 'outbox.jsonl'))
    },
  }
}

// Stands in for the SNS client: records each command it is sent, or fails
// like SNS does when a request is rejected.
class RecordingSnsClient {
  readonly commands: PublishCommand[] = []

  constructor(private readonly failure: Error | null = null) {}

  async send(command: PublishCommand): Promise<object> {
    if (this.failure !== null) throw this.failure
    this.commands.push(command)
    return { MessageId: `message-${this.commands.length}` }
  }
}

function asSnsClient(client: RecordingSnsClient): Pick<SNSClient, 'send'> {
  return client as unknown as Pick<SNSClient, 'send'>
}

async function snsSubject(): Promise<Subject> {
  const client = new RecordingSnsClient()
  return {
    sender: new SnsSmsSender(asSnsClient(client)),
    delivered: async () =>
      client.commands.map((command) => ({
        to: String(command.input.PhoneNumber),
        text: String(command.input.Message),
      })),
    failingSender: async () => {
      const throttled = new Error('Rate exceeded')
      throttled.name = 'ThrottledException'
      return new SnsSmsSender(asSnsClient(new RecordingSnsClient(throttled)))
    },
  }
}

const implementations: [string, () => Promise<Subject>][] = [
  ['OutboxSmsSender', outboxSubject],
  ['SnsSmsSender', snsSubject],
]

describe.each(implementations)('SmsSender contract: %s', (_, create) => {
  it('delivers the recipient and the text unchanged', async () => {
    const subject = await create()
    const message = { to: '+8613800138000', text: '【健康码】验证码 123456' }
    await subject.sender.send(message, SENT_AT)
    expect(await subject.delivered()).toEqual([message])
  })

  it('delivers messages in the order sent', async () => {
    const subject = await create()
    await subject.sender.send({ to: '+8613800138000', text: 'first' }, SENT_AT)
    await subject.sender.send({ to: '+85291234567', text: 'second' }, SENT_AT)
    const delivered = await subject.delivered()
    expect(delivered.map((message) => message.text)).toEqual([
      'first',
      'second',
    ])
    expect(delivered[1]?.to).toBe('+85291234567')
  })

  it('rejects when the message cannot be handed over', async () => {
    const subject = await create()
    const sender = await subject.failingSender()
    await expect(
      sender.send({ to: '+8613800138000', text: 'lost' }, SENT_AT),
    ).rejects.toThrow()
  })
})

describe('OutboxSmsSender', () => {
  it('writes one JSON line with to, text and sentAt', async () => {
    const file = join(await temporaryFolder(), 'outbox.jsonl')
    await new OutboxSmsSender(file).send(
      { to: '+8613800138000', text: 'hello' },
      SENT_AT,
    )
    const text = await readFile(file, 'utf8')
    expect(text).toBe(
      '{"to":"+8613800138000","text":"hello",' +
        '"sentAt":"2026-02-10T02:00:00.000Z"}\n',
    )
  })
})

describe('SnsSmsSender', () => {
  it('publishes as a transactional SMS', async () => {
    const client = new RecordingSnsClient()
    const sender: SmsSender = new SnsSmsSender(asSnsClient(client))
    await sender.send(
      { to: '+8613800138000', text: 'hello' },
      SENT_AT,
    )
    const attributes = client.commands[0]?.input.MessageAttributes
    expect(attributes?.['AWS.SNS.SMS.SMSType']).toEqual({
      DataType: 'String',
      StringValue: 'Transactional',
    })
  })
})
