import type { Db } from '../../db/client.ts'
import * as schema from '../../db/schema/index.ts'
import type { SeedData } from './generate.ts'

// 34 columns × 300 rows stays far below SQLite's 32,766 bound-variable limit.
const CHUNK = 300

/**
 * Write a generated data set into an empty database (districts come from saveJurisdiction) in one transaction and mark it as demo data.
 * Only this seeder writes tables directly; everything else goes through the API's services.
 */
export async function writeSeedData(db: Db, data: SeedData): Promise<void> {
  await db.transaction(async (tx) => {
    const insertAll = async <T>(table: Parameters<typeof tx.insert>[0], rows: T[]) => {
      for (let i = 0; i < rows.length; i += CHUNK) {
        // drizzle's insert typing cannot follow a table passed as a value; rows come typed from SeedData.
        await tx.insert(table).values(rows.slice(i, i + CHUNK) as never)
      }
    }
    await insertAll(schema.authorities, data.authorities)
    await insertAll(schema.subjects, data.subjects)
    await insertAll(schema.projects, data.projects)
    await insertAll(schema.projectManagements, data.projectManagements)
    await insertAll(schema.penalties, data.penalties)
    await insertAll(schema.creditRecords, data.creditRecords)
    await insertAll(schema.creditListEntries, data.creditListEntries)
    await insertAll(schema.typicalCases, data.typicalCases)
    await insertAll(schema.listedSupervisions, data.listedSupervisions)
    await insertAll(schema.recordEvents, data.recordEvents)
    await insertAll(schema.ledgerItems, data.ledgerItems)
    await insertAll(schema.monthlyReturns, data.monthlyReturns)
    await insertAll(schema.observationProjects, data.observationProjects)
    await tx.insert(schema.siteMeta).values({ key: 'demo_data', value: 'true' })
  })
}
