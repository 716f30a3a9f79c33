import { and, eq, isNull } from 'drizzle-orm'
import { creditListEntries } from '../schema/index.ts'
import type { DbOrTx } from './users.ts'

export async function insertListEntry(db: DbOrTx, row: typeof creditListEntries.$inferInsert) {
  const [created] = await db.insert(creditListEntries).values(row).returning()
  return created!
}

/** 移出: only a still-listed entry at the expected version (two reviewers cannot both remove it). */
export async function markListEntryRemoved(
  db: DbOrTx,
  id: number,
  version: number,
  on: string,
  reason: string
) {
  const rows = await db
    .update(creditListEntries)
    .set({ removedOn: on, removalReason: reason, version: version + 1 })
    .where(
      and(
        eq(creditListEntries.id, id),
        eq(creditListEntries.version, version),
        isNull(creditListEntries.removedOn)
      )
    )
    .returning({ id: creditListEntries.id })
  return rows.length === 1
}
