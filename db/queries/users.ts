import { asc, eq } from 'drizzle-orm'
import type { Db } from '../client.ts'
import { sessions, users } from '../schema/index.ts'

export type UserRow = typeof users.$inferSelect
export type SessionRow = typeof sessions.$inferSelect

/** A user by login name (exact, already normalised), or undefined. */
export async function findUserByUsername(db: Db, username: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.username, username))
  return row
}

export async function findUserById(db: Db, id: number): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.id, id))
  return row
}

/** A session and its user by the SHA-256 of the cookie token. */
export async function findSession(db: Db, tokenHash: string) {
  const [row] = await db
    .select({ session: sessions, user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.tokenHash, tokenHash))
  return row
}

export async function listUsers(db: Db): Promise<UserRow[]> {
  return db.select().from(users).orderBy(asc(users.username))
}

export async function countUsers(db: Db): Promise<number> {
  return (await db.select({ id: users.id }).from(users)).length
}
