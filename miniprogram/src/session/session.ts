import { z } from 'zod'
import { Role } from '../contract'
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
    // Sessions stored before roles existed were always resident sessions.
    roles: z.array(Role).default(['resident']),
  })
  .strict()
export type Session = z.infer<typeof Session>

export function hasRole(session: Session | null, role: Role): boolean {
  return session?.roles.includes(role) ?? false
}

export type SessionStore = {
  load(): Session | null
  save(session: Session): void
  markRegistered(): void
  // Takes a renewed token and its roles, as POST /v1/auth/refresh issues.
  renew(renewal: Pick<Session, 'token' | 'expiresAt' | 'roles'>): void
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
    renew(renewal) {
      const session = load()
      if (session !== null) save({ ...session, ...renewal })
    },
    clear() {
      store.remove(SESSION_KEY)
    },
  }
}
