import type { LocalInvalid } from '../../api/failure'
import type { DocumentType } from '../../contract'
import { checkIdentity } from '../../pages/register/validate'
import type { DependentRequest, Relationship } from '../contract'

export type DependentForm = {
  name: string
  documentType: DocumentType
  number: string
  country: string
  relationship: Relationship | null
}

export type ValidatedDependent = { kind: 'ok'; request: DependentRequest }

// Checks a new dependent as registration checks a resident: the shared
// name and document rules, and a chosen relationship.
export function validateDependent(
  form: DependentForm,
  today: Date,
): ValidatedDependent | LocalInvalid {
  const { document, fields } = checkIdentity(form, today)
  if (form.relationship === null) {
    fields.push({ field: 'relationship', code: 'none_selected' })
  }
  if (fields.length > 0 || form.relationship === null) {
    return { kind: 'invalid', fields }
  }
  return {
    kind: 'ok',
    request: {
      name: form.name.trim(),
      document,
      relationship: form.relationship,
    },
  }
}
