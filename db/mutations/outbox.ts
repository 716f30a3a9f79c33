import { and, desc, eq, inArray, isNull } from 'drizzle-orm'
import type { Db } from '../client.ts'
import { outbox } from '../schema/index.ts'
import type { DbOrTx } from './users.ts'

/** Ask for a rebuild in the same transaction as the publish that needs it. */
export async function enqueueRebuild(
  db: DbOrTx,
  objectType: string,
  objectId: string,
  action: string,
  nowMs: number
) {
  await db.insert(outbox).values({ objectType, objectId, action, createdAt: nowMs })
}

export async function pendingOutboxIds(db: Db): Promise<number[]> {
  return (await db.select({ id: outbox.id }).from(outbox).where(isNull(outbox.builtAt))).map(
    (r) => r.id
  )
}

/** Mark the rows a successful build included. */
export async function markOutboxBuilt(db: Db, ids: number[], nowMs: number) {
  if (ids.length) await db.update(outbox).set({ builtAt: nowMs }).where(inArray(outbox.id, ids))
}

/**
 * Whether the last rebuild an object asked for has reached the public site: null when it never
 * asked, else when it asked and when (if yet) a build included it.
 */
export async function outboxStateOf(db: Db, objectType: string, objectId: string) {
  const [row] = await db
    .select({ createdAt: outbox.createdAt, builtAt: outbox.builtAt })
    .from(outbox)
    .where(and(eq(outbox.objectType, objectType), eq(outbox.objectId, objectId)))
    .orderBy(desc(outbox.id))
    .limit(1)
  return row ?? null
}
