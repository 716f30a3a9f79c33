import { migrate } from 'drizzle-orm/libsql/migrator'
import type { Db } from './client.ts'

/** Apply the committed drizzle-kit migrations (idempotent). Node only: it reads the folder. */
export async function migrateDb(db: Db, migrationsFolder: string): Promise<void> {
  await migrate(db, { migrationsFolder })
}
