import type { LocalInvalid } from '../../api/failure'
import { BusinessRequest, parseCreditCode } from '../../contract'

// Checks the form with the API's schema and the credit code's check
// character before sending.
export function validateBusiness(
  name: string,
  creditCode: string,
): { kind: 'ok'; request: BusinessRequest } | LocalInvalid {
  const fields: { field: string; code: string }[] = []
  const parsed = BusinessRequest.safeParse({ name, creditCode })
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      fields.push({ field: issue.path.join('.'), code: issue.code })
    }
  }
  const code = parseCreditCode(creditCode)
  if (code.kind === 'invalid') {
    fields.push({ field: 'creditCode', code: code.code })
  }
  if (!parsed.success || fields.length > 0) return { kind: 'invalid', fields }
  return { kind: 'ok', request: parsed.data }
}
