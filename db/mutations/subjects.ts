import { eq } from 'drizzle-orm'
import { districts, subjects } from '../schema/index.ts'
import type { DbOrTx } from './users.ts'

/** Insert a subject, or update its basic information if the id exists (idempotent import). */
export async function upsertSubject(
  db: DbOrTx,
  row: typeof subjects.$inferInsert
): Promise<{ created: boolean }> {
  const [existing] = await db
    .select({ id: subjects.id })
    .from(subjects)
    .where(eq(subjects.id, row.id))
  if (!existing) {
    await db.insert(subjects).values(row)
    return { created: true }
  }
  const { id: _id, createdAt: _createdAt, ...update } = row
  await db.update(subjects).set(update).where(eq(subjects.id, row.id))
  return { created: false }
}

/** A district of the configured jurisdiction, by code. */
export async function findDistrictRow(db: DbOrTx, code: string) {
  const [row] = await db.select().from(districts).where(eq(districts.code, code))
  return row
}
