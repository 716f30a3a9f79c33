import { mkdirSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createDb, readDbConfig, type Db } from '../db/client.ts'
import { migrateDb } from '../db/migrate.ts'

/** The repository root, whatever the working directory. */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')
export const MIGRATIONS = resolve(ROOT, 'db/migrations')

/** Open the configured database (creating the folder of a `file:` URL) and migrate it. */
export async function openMigratedDb(env = process.env): Promise<Db> {
  const config = readDbConfig(env)
  if (config.DATABASE_URL.startsWith('file:')) {
    mkdirSync(dirname(resolve(ROOT, config.DATABASE_URL.slice(5))), { recursive: true })
  }
  const db = createDb(config)
  await migrateDb(db, MIGRATIONS)
  return db
}

/** Parse `--name value` pairs from argv. */
export function parseFlags(argv: string[]): Record<string, string> {
  const flags: Record<string, string> = {}
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!
    if (arg.startsWith('--')) flags[arg.slice(2)] = argv[i + 1] ?? ''
  }
  return flags
}
