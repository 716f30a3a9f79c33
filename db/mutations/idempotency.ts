import { eq } from 'drizzle-orm'
import type { Db } from '../client.ts'
import { idempotencyKeys } from '../schema/index.ts'
import type { DbOrTx } from './users.ts'

export type StoredResponse = { requestHash: string; userId: number; status: number; body: string }

export async function findIdempotentResponse(
  db: Db,
  key: string
): Promise<StoredResponse | undefined> {
  const [row] = await db.select().from(idempotencyKeys).where(eq(idempotencyKeys.key, key))
  return row
}

export async function saveIdempotentResponse(
  db: DbOrTx,
  key: string,
  r: StoredResponse,
  nowMs: number
) {
  await db
    .insert(idempotencyKeys)
    .values({ key, ...r, createdAt: nowMs })
    .onConflictDoNothing()
}
