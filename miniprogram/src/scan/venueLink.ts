import { taroStore } from '../session/store'

const PENDING_KEY = 'hc.pendingVenueCode'

// A venue code that opened the app (a poster scanned with the phone's
// camera instead of inside the app), kept until the check-in page uses it,
// because the resident may have to sign in first.
export function rememberVenueCode(text: string): void {
  taroStore.write(PENDING_KEY, text)
}

export function hasVenueCode(): boolean {
  return taroStore.read(PENDING_KEY) !== null
}

export function takeVenueCode(): string | null {
  const text = taroStore.read(PENDING_KEY)
  if (text !== null) taroStore.remove(PENDING_KEY)
  return text
}
