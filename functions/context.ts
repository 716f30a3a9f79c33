import type { Db } from '../db/client.ts'
import type { Actor } from '../db/domain/user.ts'
import type { AppConfig } from './env.ts'
import type { LoadSnapshot } from './snapshot-cache.ts'

/** What the Node server or the Worker gives the app. */
export type AppDeps = {
  db: Db
  config: AppConfig
  /** The clock, in ms; tests set it (session timeouts, TOTP, lockout). */
  now?: () => number
  /** Called after a request that published something (the outbox holds what). */
  onPublish?: () => void
  /** How the public API reads a snapshot, where the runtime has a better way than in-line. */
  loadSnapshot?: LoadSnapshot
  /** The rebuild state for the console, where the runtime has a builder. */
  siteBuild?: () => unknown
}

export type AppEnv = {
  Variables: {
    deps: AppDeps
    requestId: string
    actor: Actor
    sessionHash: string
    /** When the person last entered a password or code in this session (B6). */
    verifiedAt: number
    /** Session restricted until TOTP is enrolled / the password changed. */
    restriction: 'totp' | 'password' | null
    /** The request's Idempotency-Key, scoped to its user, when one was sent. */
    idempotency?: IdempotencyClaim
  }
}

/** What every write service receives: who, when, from where, in which request. */
export type ServiceContext = {
  db: Db
  config: AppConfig
  nowMs: number
  actor: Actor | null
  requestId: string
  ip: string | null
  /** Set when the request carried an Idempotency-Key: a write may store its answer with itself. */
  idempotency?: IdempotencyClaim
}

/** What the idempotency middleware stores a response under (matrix K3, K7). */
export type IdempotencyClaim = { key: string; requestHash: string; userId: number }
