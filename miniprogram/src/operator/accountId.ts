import { base64urlDecode, utf8Decode } from './contract'

// Reads the account id (the `sub` claim) from a session token, or returns
// null when the token is not a readable JWS. The signature is not checked:
// the id only decides which buttons the console offers, and the API checks
// every request itself.
export function accountIdOf(token: string): string | null {
  const payload = token.split('.')[1]
  if (payload === undefined) return null
  const bytes = base64urlDecode(payload)
  const text = bytes === null ? null : utf8Decode(bytes)
  if (text === null) return null
  let claims: unknown
  try {
    claims = JSON.parse(text)
  } catch {
    return null
  }
  if (typeof claims !== 'object' || claims === null) return null
  const sub = (claims as { sub?: unknown }).sub
  return typeof sub === 'string' && sub !== '' ? sub : null
}
