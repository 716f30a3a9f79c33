import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { createDb, type Db } from '../../db/client.ts'
import { DEFAULT_JURISDICTION } from '../../db/domain/jurisdiction.ts'
import { migrateDb } from '../../db/migrate.ts'
import { saveJurisdiction } from '../../scripts/jurisdiction.ts'
import { generateSeedData } from '../../scripts/seed/generate.ts'
import { writeSeedData } from '../../scripts/seed/write.ts'

const MIGRATIONS = resolve(import.meta.dirname, '../../db/migrations')

/**
 * A real libSQL database in a fresh temporary file, migrated with the committed migrations and
 * holding the default jurisdiction. `cleanup` closes it and removes the file.
 */
export async function createTestDb(
  opts: Parameters<typeof createDb>[1] = {}
): Promise<{ db: Db; url: string; cleanup: () => void }> {
  const dir = mkdtempSync(join(tmpdir(), 'credit-test-'))
  const url = `file:${join(dir, 'test.db')}`
  const db = createDb({ DATABASE_URL: url }, opts)
  await migrateDb(db, MIGRATIONS)
  await saveJurisdiction(db, DEFAULT_JURISDICTION)
  return {
    db,
    url,
    cleanup: () => {
      db.$close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

/** A test database holding `subjects` synthetic subjects (seed data as of 2026-11-27). */
export async function createSeededTestDb(subjects: number, seed: number) {
  const t = await createTestDb()
  await writeSeedData(
    t.db,
    generateSeedData(DEFAULT_JURISDICTION, { subjects, seed, today: '2026-11-27' })
  )
  return t
}
