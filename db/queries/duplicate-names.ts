import { eq, or, sql } from 'drizzle-orm'
import type { DbOrTx } from '../mutations/users.ts'
import { subjects } from '../schema/index.ts'

/**
 * Published subjects whose name, spaces removed, equals `key` (a name already NFKC-normalised,
 * converted to simplified characters and stripped of spaces by the caller) — matrix D7's
 * possible-duplicate check: 盤錦某物業 and 盘锦某 物业 both find 盘锦某物业.
 */
export async function subjectsNamed(db: DbOrTx, key: string) {
  return db
    .select({ id: subjects.id, name: subjects.name })
    .from(subjects)
    .where(or(eq(subjects.name, key), eq(sql`replace(${subjects.name}, ' ', '')`, key)))
    .limit(5)
}
