import { eq } from 'drizzle-orm'
import type { Db } from '../client.ts'
import { reportCodes } from '../schema/index.ts'

export async function findReportCode(db: Db, code: string) {
  const [row] = await db.select().from(reportCodes).where(eq(reportCodes.code, code))
  return row
}
