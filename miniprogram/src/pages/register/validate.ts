import type { LocalInvalid } from '../../api/failure'
import {
  parseDocument,
  parseName,
  parsePhone,
  type DocumentInput,
  type DocumentType,
  type RegistrationRequest,
} from '../../contract'

export type RegistrationForm = {
  name: string
  documentType: DocumentType
  number: string
  country: string
  phone: string
}

export type ValidatedRegistration = {
  kind: 'ok'
  request: Omit<RegistrationRequest, 'language'>
}

type FieldIssue = { field: string; code: string }

export type IdentityForm = Pick<
  RegistrationForm,
  'name' | 'documentType' | 'number' | 'country'
>

// Checks a name and document with the shared rules the API applies, and
// returns the document as the request carries it: the text as typed, with
// the country only for a passport.
export function checkIdentity(
  form: IdentityForm,
  today: Date,
): { document: DocumentInput; fields: FieldIssue[] } {
  const fields: FieldIssue[] = []
  const name = parseName(form.name)
  if (name.kind === 'invalid') fields.push({ field: 'name', code: name.code })
  const isPassport = form.documentType === 'passport'
  const document = {
    type: form.documentType,
    number: form.number.trim(),
    ...(isPassport ? { country: form.country.trim() } : {}),
  }
  const parsedDocument = parseDocument(document, today)
  if (parsedDocument.kind === 'invalid') {
    fields.push({ field: parsedDocument.field, code: parsedDocument.code })
  }
  return { document, fields }
}

// Checks the form with the same shared rules the API applies, so most
// mistakes show before anything is sent. The request carries the text as
// typed, and the API normalises it again.
export function validateRegistration(
  form: RegistrationForm,
  today: Date,
): ValidatedRegistration | LocalInvalid {
  const { document, fields } = checkIdentity(form, today)
  const phone = parsePhone(form.phone)
  if (phone.kind === 'invalid') {
    fields.push({ field: 'phone', code: phone.code })
  }
  if (fields.length > 0) return { kind: 'invalid', fields }
  return {
    kind: 'ok',
    request: { name: form.name.trim(), document, phone: form.phone.trim() },
  }
}
