import { z } from 'zod'
import { readJson, type KeyValueStore } from './store'

export type Clock = () => Date

const SESSION_KEY = 'healthcode.session'

export const Session = z
  .object({
    token: z.string().min(1),
    expiresAt: z.iso.datetime({ offset: true }),
    // The phone number as typed at sign-in, to prefill registration.
    phone: z.string(),
    registered: z.boolean(),
  })
  .strict()
export type Session = z.infer<typeof Session>

export type SessionStore = {
  load(): Session | null
  save(session: Session): void
  markRegistered(): void
  clear(): void
}

// Keeps the bearer token from POST /v1/auth/token. An expired or unreadable
// session is removed and reported as missing.
export function createSessionStore(
  store: KeyValueStore,
  clock: Clock,
): SessionStore {
  const load = (): Session | null => {
    const parsed = Session.safeParse(readJson(store, SESSION_KEY))
    if (!parsed.success) {
      store.remove(SESSION_KEY)
      return null
    }
    if (Date.parse(parsed.data.expiresAt) <= clock().getTime()) {
      store.remove(SESSION_KEY)
      return null
    }
    return parsed.data
  }
  const save = (session: Session) => {
    store.write(SESSION_KEY, JSON.stringify(session))
  }
  return {
    load,
    save,
    markRegistered() {
      const session = load()
      if (session !== null) save({ ...session, registered: true })
    },
    clear() {
      store.remove(SESSION_KEY)
    },
  }
}
