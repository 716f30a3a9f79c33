import { reportCodes } from '../schema/index.ts'
import type { DbOrTx } from './users.ts'

/** Keep the codes a build published; a code seen before (same content, same day) is kept as is. */
export async function saveReportCodes(db: DbOrTx, rows: (typeof reportCodes.$inferInsert)[]) {
  for (let i = 0; i < rows.length; i += 500) {
    await db
      .insert(reportCodes)
      .values(rows.slice(i, i + 500))
      .onConflictDoNothing()
  }
}
