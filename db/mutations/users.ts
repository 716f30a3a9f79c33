import { and, eq, gte, isNotNull, lt, lte, or, isNull, sql } from 'drizzle-orm'
import type { Db } from '../client.ts'
import { sessions, users } from '../schema/index.ts'

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0]
/** A client or an open transaction: writes that must join the caller's transaction take this. */
export type DbOrTx = Db | Tx

export const MAX_FAILED_LOGINS = 5

export async function insertUser(db: DbOrTx, row: typeof users.$inferInsert) {
  const [created] = await db.insert(users).values(row).returning()
  return created!
}

/** A lock that has run out is cleared before the next attempt. */
export async function clearExpiredLock(db: DbOrTx, userId: number, nowMs: number) {
  await db
    .update(users)
    .set({ failedAttempts: 0, lockedUntil: null })
    .where(and(eq(users.id, userId), isNotNull(users.lockedUntil), lte(users.lockedUntil, nowMs)))
}

/**
 * Reserve one guess atomically before checking a password or TOTP (matrix A3): at most five
 * guesses are ever evaluated per lock period, even for parallel requests. False = locked.
 */
export async function reserveLoginAttempt(
  db: DbOrTx,
  userId: number,
  nowMs: number
): Promise<boolean> {
  const rows = await db
    .update(users)
    .set({ failedAttempts: sql`${users.failedAttempts} + 1` })
    .where(
      and(
        eq(users.id, userId),
        lt(users.failedAttempts, MAX_FAILED_LOGINS),
        or(isNull(users.lockedUntil), lte(users.lockedUntil, nowMs))
      )
    )
    .returning({ failedAttempts: users.failedAttempts })
  return rows.length === 1
}

/** After a failed guess: lock for `lockMs` once the fifth has been used. Returns true if locked now. */
export async function lockIfExhausted(
  db: DbOrTx,
  userId: number,
  untilMs: number
): Promise<boolean> {
  const rows = await db
    .update(users)
    .set({ lockedUntil: untilMs })
    .where(
      and(
        eq(users.id, userId),
        gte(users.failedAttempts, MAX_FAILED_LOGINS),
        isNull(users.lockedUntil)
      )
    )
    .returning({ id: users.id })
  return rows.length === 1
}

/** A successful login gives back the reserved guess. */
export async function resetLoginFailures(db: DbOrTx, userId: number) {
  await db.update(users).set({ failedAttempts: 0, lockedUntil: null }).where(eq(users.id, userId))
}

export async function updateUser(
  db: DbOrTx,
  userId: number,
  set: Partial<typeof users.$inferInsert>
) {
  await db.update(users).set(set).where(eq(users.id, userId))
}

export async function insertSession(db: DbOrTx, row: typeof sessions.$inferInsert) {
  await db.insert(sessions).values(row)
}

export async function touchSession(db: DbOrTx, tokenHash: string, nowMs: number) {
  await db.update(sessions).set({ lastSeenAt: nowMs }).where(eq(sessions.tokenHash, tokenHash))
}

export async function deleteSession(db: DbOrTx, tokenHash: string) {
  await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash))
}

/** Ends every session of a user at once (disable, password change). */
export async function deleteSessionsOfUser(db: DbOrTx, userId: number) {
  await db.delete(sessions).where(eq(sessions.userId, userId))
}

/** A step-up re-authentication (B6): the session counts as freshly verified from now. */
export async function markSessionVerified(db: DbOrTx, tokenHash: string, nowMs: number) {
  await db.update(sessions).set({ verifiedAt: nowMs }).where(eq(sessions.tokenHash, tokenHash))
}
