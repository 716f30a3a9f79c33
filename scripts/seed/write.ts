import type { AnySQLiteColumn } from 'drizzle-orm/sqlite-core'
import type { Db } from '../../db/client.ts'
import * as schema from '../../db/schema/index.ts'
import type { SeedData } from './generate.ts'

// 34 columns × 300 rows stays far below SQLite's 32,766 bound-variable limit.
const CHUNK = 300

/**
 * Write a generated data set into an empty database (districts come from saveJurisdiction) in one
 * transaction, mark it as demo data, and mark every row it wrote in demo_records, so
 * `npm run demo:remove` can later take out exactly these rows (authorities stay: they are the
 * jurisdiction's, not invented records). Only this seeder writes tables directly; everything
 * else goes through the API's services.
 */
export async function writeSeedData(db: Db, data: SeedData): Promise<void> {
  await db.transaction(async (tx) => {
    const marks: { objectType: string; objectId: string }[] = []
    const insertAll = async <T>(
      table: Parameters<typeof tx.insert>[0] & { id: AnySQLiteColumn },
      rows: T[],
      objectType: string | null
    ) => {
      for (let i = 0; i < rows.length; i += CHUNK) {
        // drizzle's insert typing cannot follow a table passed as a value; rows come typed from SeedData.
        const ids = await tx
          .insert(table)
          .values(rows.slice(i, i + CHUNK) as never)
          .returning({ id: table.id })
        if (objectType) for (const { id } of ids) marks.push({ objectType, objectId: String(id) })
      }
    }
    await insertAll(schema.authorities, data.authorities, null)
    await insertAll(schema.subjects, data.subjects, 'subject')
    await insertAll(schema.projects, data.projects, 'project')
    await insertAll(schema.projectManagements, data.projectManagements, 'project_management')
    await insertAll(schema.penalties, data.penalties, 'penalty')
    await insertAll(schema.creditRecords, data.creditRecords, 'credit_record')
    await insertAll(schema.creditListEntries, data.creditListEntries, 'list_entry')
    await insertAll(schema.typicalCases, data.typicalCases, 'typical_case')
    await insertAll(schema.listedSupervisions, data.listedSupervisions, 'supervision')
    await insertAll(schema.recordEvents, data.recordEvents, null)
    await insertAll(schema.ledgerItems, data.ledgerItems, 'ledger_item')
    await insertAll(schema.monthlyReturns, data.monthlyReturns, 'monthly_return')
    await insertAll(schema.observationProjects, data.observationProjects, 'observation_project')
    for (let i = 0; i < marks.length; i += 5_000)
      await tx.insert(schema.demoRecords).values(marks.slice(i, i + 5_000))
    await tx.insert(schema.siteMeta).values({ key: 'demo_data', value: 'true' })
  })
}
