import { and, eq } from 'drizzle-orm'
import { listedSupervisions, projects } from '../schema/index.ts'
import type { DbOrTx } from './users.ts'

export async function insertSupervision(db: DbOrTx, row: typeof listedSupervisions.$inferInsert) {
  const [created] = await db.insert(listedSupervisions).values(row).returning()
  return created!
}

export async function findProjectRow(db: DbOrTx, id: number) {
  const [row] = await db.select().from(projects).where(eq(projects.id, id))
  return row
}

/** Advance progress (督办中 → 已整改 → 已销号) only from the expected progress and version. */
export async function advanceSupervision(
  db: DbOrTx,
  id: number,
  from: { progress: 'supervising' | 'rectified'; version: number },
  set: Partial<typeof listedSupervisions.$inferInsert>
) {
  const rows = await db
    .update(listedSupervisions)
    .set({ ...set, version: from.version + 1 })
    .where(
      and(
        eq(listedSupervisions.id, id),
        eq(listedSupervisions.status, 'published'),
        eq(listedSupervisions.progress, from.progress),
        eq(listedSupervisions.version, from.version)
      )
    )
    .returning({ id: listedSupervisions.id })
  return rows.length === 1
}
