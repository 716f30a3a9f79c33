import { sql } from 'drizzle-orm'
import { migrate } from 'drizzle-orm/libsql/migrator'
import type { Db } from './client.ts'

/**
 * Apply the committed drizzle-kit migrations (idempotent). Node only: it reads the folder.
 * An embedded file database is switched to write-ahead logging (kept in the file): the site
 * build reads a snapshot on its own connection while the API writes, and in the default
 * rollback-journal mode a writer waits for every reader, so a login during a build could time
 * out (found by `npm run bench`). Turso manages its own storage and is left alone.
 */
export async function migrateDb(db: Db, migrationsFolder: string): Promise<void> {
  if (db.$client.protocol === 'file') await db.run(sql`PRAGMA journal_mode = WAL`)
  await migrate(db, { migrationsFolder })
}
