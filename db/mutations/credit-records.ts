import { creditRecords } from '../schema/index.ts'
import type { DbOrTx } from './users.ts'

export async function insertCreditRecord(db: DbOrTx, row: typeof creditRecords.$inferInsert) {
  const [created] = await db.insert(creditRecords).values(row).returning()
  return created!
}
