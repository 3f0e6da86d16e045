import { GetParameterCommand, type SSMClient } from '@aws-sdk/client-ssm'
import { z } from 'zod'
import type { SecretsSource } from './config'

const KEY_BYTES = 32

// A 32-byte key as unpadded base64url, the form `Buffer.toString
// ('base64url')` and an Ed25519 JWK's `d` member produce.
const Key = z
  .string()
  .regex(/^[A-Za-z0-9_-]{43}$/, 'must be 32 bytes as unpadded base64url')

export const SigningKey = z
  .object({ kid: z.string().min(1).max(64), privateKey: Key })
  .strict()
export type SigningKey = z.infer<typeof SigningKey>

// The secrets of one stage. The first signing key signs, and every key
// verifies, so a new key can be put in front while old tokens stay valid.
export const Secrets = z
  .object({
    signingKeys: z.array(SigningKey).min(1),
    piiHashKey: Key,
    piiEncryptionKey: Key,
    // HMAC-SHA256 key of the venue code signatures.
    venueCodeKey: Key,
  })
  .strict()
export type Secrets = z.infer<typeof Secrets>

export type SecretKeys = {
  // Private keys stay base64url text, the form the shared token code takes.
  signingKeys: SigningKey[]
  piiHashKey: Uint8Array
  piiEncryptionKey: Uint8Array
  venueCodeKey: Uint8Array
}

export type SecretsResult =
  | { kind: 'ok'; secrets: SecretKeys }
  | { kind: 'invalid'; problems: string[] }

/** Parses the secrets JSON. Problems name fields, never values. */
export function parseSecrets(json: string): SecretsResult {
  let raw: unknown
  try {
    raw = JSON.parse(json)
  } catch {
    return { kind: 'invalid', problems: ['secrets: not valid JSON'] }
  }
  const parsed = Secrets.safeParse(raw)
  if (!parsed.success) {
    return {
      kind: 'invalid',
      problems: parsed.error.issues.map(
        (issue) => `secrets.${issue.path.join('.')}: ${issue.message}`,
      ),
    }
  }
  return { kind: 'ok', secrets: decodeSecrets(parsed.data) }
}

function decodeKey(text: string): Uint8Array {
  const bytes = Buffer.from(text, 'base64url')
  if (bytes.length !== KEY_BYTES) {
    throw new Error(`A validated key decoded to ${bytes.length} bytes`)
  }
  return new Uint8Array(bytes)
}

function decodeSecrets(secrets: Secrets): SecretKeys {
  return {
    signingKeys: secrets.signingKeys,
    piiHashKey: decodeKey(secrets.piiHashKey),
    piiEncryptionKey: decodeKey(secrets.piiEncryptionKey),
    venueCodeKey: decodeKey(secrets.venueCodeKey),
  }
}

/**
 * Reads the secrets JSON from the environment (local stage) or from an SSM
 * SecureString parameter. Throws when the parameter cannot be read or the
 * JSON is invalid, because no request can be served without the keys.
 */
export async function loadSecrets(
  source: SecretsSource,
  ssm: () => SSMClient,
): Promise<SecretKeys> {
  const json =
    source.kind === 'inline'
      ? source.json
      : await readParameter(ssm(), source.name)
  const result = parseSecrets(json)
  switch (result.kind) {
    case 'ok':
      return result.secrets
    case 'invalid':
      throw new Error(
        `Invalid secrets from ${describeSource(source)}: ` +
          result.problems.join('; '),
      )
  }
}

function describeSource(source: SecretsSource): string {
  switch (source.kind) {
    case 'inline':
      return 'SECRETS_JSON'
    case 'parameter':
      return `SSM parameter ${source.name} (SECRETS_PARAMETER)`
  }
}

async function readParameter(ssm: SSMClient, name: string): Promise<string> {
  const output = await ssm.send(
    new GetParameterCommand({ Name: name, WithDecryption: true }),
  )
  const value = output.Parameter?.Value
  if (value === undefined) {
    throw new Error(`SSM parameter ${name} (SECRETS_PARAMETER) has no value`)
  }
  return value
}
