import { appendFile, mkdir } from 'node:fs/promises'
import { dirname } from 'node:path'
import { PublishCommand, type SNSClient } from '@aws-sdk/client-sns'

export type SmsMessage = { to: string; text: string }

// Port through which one-time passwords leave the system. `send` resolves
// once the message was handed over and rejects when it was not.
export interface SmsSender {
  send(message: SmsMessage, now: Date): Promise<void>
}

/**
 * Appends each message as one JSON line `{"to","text","sentAt"}` to a file,
 * for the local stage, where developers read their codes from the file.
 */
export class OutboxSmsSender implements SmsSender {
  constructor(private readonly file: string) {}

  async send(message: SmsMessage, now: Date): Promise<void> {
    const line = JSON.stringify({
      to: message.to,
      text: message.text,
      sentAt: now.toISOString(),
    })
    await mkdir(dirname(this.file), { recursive: true })
    // One appendFile call per line keeps lines whole when two Lambda
    // workers of serverless offline append at the same time.
    await appendFile(this.file, `${line}\n`, { encoding: 'utf8', mode: 0o600 })
  }
}

/** Publishes each message as a transactional SMS through Amazon SNS. */
export class SnsSmsSender implements SmsSender {
  constructor(private readonly client: Pick<SNSClient, 'send'>) {}

  async send(message: SmsMessage): Promise<void> {
    await this.client.send(
      new PublishCommand({
        PhoneNumber: message.to,
        Message: message.text,
        MessageAttributes: {
          // Transactional messages are delivered with priority over
          // promotional ones and may reach numbers that opted out of those.
          'AWS.SNS.SMS.SMSType': {
            DataType: 'String',
            StringValue: 'Transactional',
          },
        },
      }),
    )
  }
}
