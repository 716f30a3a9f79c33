import { and, eq, inArray } from 'drizzle-orm'
import type { ChangeTarget } from '../domain/correction.ts'
import { changeRequests, subjects } from '../schema/index.ts'
import type { DbOrTx } from './users.ts'

export async function insertChangeRequest(db: DbOrTx, row: typeof changeRequests.$inferInsert) {
  const [inserted] = await db.insert(changeRequests).values(row).returning()
  return inserted!
}

/** A draft or submitted change of this target, if one is open (one at a time per record). */
export async function findOpenChange(db: DbOrTx, targetKind: ChangeTarget, targetId: string) {
  const [row] = await db
    .select()
    .from(changeRequests)
    .where(
      and(
        eq(changeRequests.targetKind, targetKind),
        eq(changeRequests.targetId, targetId),
        inArray(changeRequests.status, ['draft', 'submitted'])
      )
    )
  return row
}

/** Apply corrected columns to a subject only if nobody changed it since the correction was drafted. */
export async function updateSubjectIfVersion(
  db: DbOrTx,
  id: string,
  version: number,
  set: Record<string, unknown>
): Promise<boolean> {
  const rows = await db
    .update(subjects)
    .set({ ...set, version: version + 1 })
    .where(and(eq(subjects.id, id), eq(subjects.version, version)))
    .returning({ id: subjects.id })
  return rows.length === 1
}
