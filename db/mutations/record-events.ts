import { recordEvents } from '../schema/index.ts'
import type { DbOrTx } from './users.ts'

/** Add one line to a record's public change log (in the caller's transaction). */
export async function appendRecordEvent(db: DbOrTx, row: typeof recordEvents.$inferInsert) {
  await db.insert(recordEvents).values(row)
}
