import { GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb'
import {
  Answer,
  DocumentType,
  Language,
  maskDocument,
  maskName,
  type ParsedDocument,
  type ResidentProfile,
} from '@healthcode/shared'
import { z } from 'zod'
import { StoredFact } from '../facts/records'
import { getAccount, type Account, type AccountStore } from './accounts'
import type { PiiProtector } from './pii'

export const StoredDeclaration = z.object({
  answers: z.record(z.string(), Answer),
  answeredAt: z.iso.datetime(),
})
export type StoredDeclaration = z.infer<typeof StoredDeclaration>

// A resident item. Name, document and phone are stored twice: as a keyed
// hash for lookups and as AES-256-GCM ciphertext. Only masked forms are in
// clear.
export const Resident = z.object({
  residentId: z.string(),
  // The account that registered the resident: their own, or for a
  // dependent that of the guardian who added them.
  accountId: z.string(),
  // Set on a person without a phone whom guardians registered and look
  // after (cloudfunctions/src/households). Such a resident has no account
  // of their own and no phone.
  dependent: z.literal(true).optional(),
  // Opaque subject of code tokens, so a scanned code reveals no ids.
  codeRef: z.string(),
  city: z.string(),
  identityHash: z.string(),
  documentType: DocumentType,
  maskedName: z.string(),
  maskedDocument: z.string(),
  nameHash: z.string(),
  nameCiphertext: z.string(),
  documentHash: z.string(),
  documentCiphertext: z.string(),
  // Missing on a dependent.
  phoneHash: z.string().optional(),
  phoneCiphertext: z.string().optional(),
  language: Language,
  createdAt: z.iso.datetime(),
  declarations: z.array(StoredDeclaration),
  // Exposures, cases, overrides, appeals and household cases, written by
  // cloudfunctions/src/facts. Items registered before facts existed lack
  // the attribute.
  facts: z.array(StoredFact).optional(),
  // Incremented by every change, for optimistic locking.
  version: z.number().int(),
})
export type Resident = z.infer<typeof Resident>

/** Reads a resident by id, or returns null when there is none. */
export async function getResident(
  db: DynamoDBDocumentClient,
  tableName: string,
  residentId: string,
): Promise<Resident | null> {
  const output = await db.send(
    new GetCommand({
      TableName: tableName,
      Key: { residentId },
      ConsistentRead: true,
    }),
  )
  return output.Item === undefined ? null : Resident.parse(output.Item)
}

export function profileOf(resident: Resident): ResidentProfile {
  return {
    id: resident.residentId,
    maskedName: resident.maskedName,
    documentType: resident.documentType,
    maskedDocument: resident.maskedDocument,
    city: resident.city,
    language: resident.language,
  }
}

export type SignedInResident =
  | { kind: 'ok'; account: Account; resident: Resident }
  | { kind: 'not_registered'; account: Account }
  | { kind: 'unknown_account' }

/**
 * Reads the account of a session and its resident. `unknown_account` means
 * a validly signed token names an account that does not exist, which the
 * HTTP layer treats like an invalid token.
 */
export async function findSignedInResident(
  store: AccountStore,
  accountId: string,
): Promise<SignedInResident> {
  const account = await getAccount(store, accountId)
  if (account === null) return { kind: 'unknown_account' }
  if (account.residentId === undefined) {
    return { kind: 'not_registered', account }
  }
  const resident = await getResident(
    store.db,
    store.tables.residents,
    account.residentId,
  )
  if (resident === null) {
    throw new Error(
      `Resident ${account.residentId} of account ${accountId} is missing`,
    )
  }
  return { kind: 'ok', account, resident }
}

/**
 * Builds the stored form of a person's name and document: masked copies to
 * show, keyed hashes to look up, and ciphertexts bound to the resident.
 * Registration and dependents store a person the same way.
 */
export function protectedIdentity(
  pii: PiiProtector,
  residentId: string,
  person: { name: string; document: ParsedDocument },
) {
  const { document, name } = person
  const documentJson = JSON.stringify({
    type: document.type,
    number: document.number,
    country: document.country,
  })
  return {
    documentType: document.type,
    maskedName: maskName(name),
    maskedDocument: maskDocument(document.number),
    nameHash: pii.hash('name', name),
    nameCiphertext: pii.encrypt(name, `name:${residentId}`),
    documentHash: pii.hash('document', document.number),
    documentCiphertext: pii.encrypt(documentJson, `document:${residentId}`),
  }
}
