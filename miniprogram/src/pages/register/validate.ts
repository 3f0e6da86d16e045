import type { LocalInvalid } from '../../api/failure'
import {
  parseDocument,
  parseName,
  parsePhone,
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

// Checks the form with the same shared rules the API applies, so most
// mistakes show before anything is sent. The request carries the text as
// typed, and the API normalises it again.
export function validateRegistration(
  form: RegistrationForm,
  today: Date,
): ValidatedRegistration | LocalInvalid {
  const fields: { field: string; code: string }[] = []
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
