import { typicalCases } from '../schema/index.ts'
import type { DbOrTx } from './users.ts'

export async function insertTypicalCase(db: DbOrTx, row: typeof typicalCases.$inferInsert) {
  const [created] = await db.insert(typicalCases).values(row).returning()
  return created!
}
