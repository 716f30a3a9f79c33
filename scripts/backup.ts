import { copyFile, rename, rm, stat } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { count, sql } from 'drizzle-orm'
import { createDb, type Db } from '../db/client.ts'
import { insertAuditRows } from '../db/mutations/audit.ts'
import { firstBrokenLink, verifyAuditChain, type AuditRow } from '../db/queries/audit.ts'
import { auditLog, subjects } from '../db/schema/index.ts'

/** What a backup or a restore candidate holds, and whether it is sound. */
export type DatabaseCheck = {
  integrity: string
  subjects: number
  auditRows: number
  /** First audit row whose hash link is broken; null when the chain holds. */
  auditBrokenAt: number | null
}

export async function checkDatabase(db: Db): Promise<DatabaseCheck> {
  const [integrity] = await db.all<{ integrity_check: string }>(sql`PRAGMA integrity_check`)
  const [subjectCount] = await db.select({ n: count() }).from(subjects)
  const [auditCount] = await db.select({ n: count() }).from(auditLog)
  return {
    integrity: integrity?.integrity_check ?? 'unknown',
    subjects: subjectCount?.n ?? 0,
    auditRows: auditCount?.n ?? 0,
    auditBrokenAt: await verifyAuditChain(db),
  }
}

const sound = (c: DatabaseCheck) => c.integrity === 'ok' && c.auditBrokenAt === null

async function checkFile(file: string): Promise<DatabaseCheck> {
  const db = createDb({ DATABASE_URL: `file:${file}` })
  try {
    return await checkDatabase(db)
  } finally {
    db.$close()
  }
}

/**
 * A consistent copy of the embedded database while it is in use: `VACUUM INTO` reads one
 * transaction's view (WAL included) into a new file. The copy is then checked (integrity and the
 * audit hash chain) before it counts as a backup.
 */
export async function backupDatabase(db: Db, file: string): Promise<DatabaseCheck> {
  if (await stat(file).catch(() => null)) throw new Error(`${file} exists; choose a new name`)
  await db.run(sql`VACUUM INTO ${file}`)
  const check = await checkFile(file)
  if (!sound(check)) {
    await rm(file, { force: true })
    throw new Error(`the copy failed its checks: ${JSON.stringify(check)}`)
  }
  return check
}

/**
 * Put a backup in place of the database file at `target` (the server must be stopped). The backup
 * is checked first; the file it replaces is kept beside it as `<target>.before-restore-<time>`,
 * and the swap is a rename, so a failed restore leaves the old database untouched.
 */
export async function restoreDatabase(
  from: string,
  target: string
): Promise<{ check: DatabaseCheck; previous: string | null }> {
  const check = await checkFile(from)
  if (!sound(check)) throw new Error(`the backup failed its checks: ${JSON.stringify(check)}`)
  const staged = `${target}.restoring`
  await copyFile(from, staged)
  let previous: string | null = null
  if (await stat(target).catch(() => null)) {
    previous = `${target}.before-restore-${new Date().toISOString().replace(/[:.]/g, '')}`
    await rename(target, previous)
  }
  // A WAL left by the replaced database must not be replayed into the restored one.
  await rm(`${target}-wal`, { force: true })
  await rm(`${target}-shm`, { force: true })
  await rename(staged, target)
  return { check, previous }
}

/** Load an audit export (NDJSON, oldest first) into an empty log and verify its chain. */
export async function importAuditExport(
  db: Db,
  ndjson: string
): Promise<{ rows: number; brokenAt: number | null }> {
  const rows = ndjson
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as AuditRow)
    .sort((a, b) => a.id - b.id)
  const brokenAt = await firstBrokenLink(rows)
  if (brokenAt !== null) return { rows: rows.length, brokenAt }
  const [existing] = await db.select({ n: count() }).from(auditLog)
  if ((existing?.n ?? 0) > 0) throw new Error('the audit log of the target database is not empty')
  await db.transaction(async (tx) => insertAuditRows(tx, rows))
  return { rows: rows.length, brokenAt: await verifyAuditChain(db) }
}

/** The file behind a `file:` DATABASE_URL. */
export function databaseFile(url: string): string {
  if (!url.startsWith('file:')) throw new Error('backup and restore are for the embedded database')
  return url.startsWith('file://') ? fileURLToPath(url) : url.slice('file:'.length)
}
