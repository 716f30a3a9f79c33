/**
 * npm run db:backup [-- --out FILE] [-- --keep N] — a consistent copy of the embedded database (DATABASE_URL,
 * default file:data/local.db) while the server keeps running, checked before it is reported.
 * Default file: data/backups/credit-<UTC time>.db. Turso: see docs/security.md (point-in-time
 * restore with `turso db create --from-db … --timestamp …`).
 * --keep N deletes all but the newest N credit-*.db files in the backups folder afterwards (the
 * daily timer in deploy/systemd keeps 30).
 */
import { mkdir, readdir, rm } from 'node:fs/promises'
import { dirname, join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { backupDatabase } from './backup.ts'
import { openMigratedDb, ROOT } from './lib.ts'

const { values } = parseArgs({ options: { out: { type: 'string' }, keep: { type: 'string' } } })
const keep = values.keep === undefined ? null : Number(values.keep)
if (keep !== null && !(Number.isInteger(keep) && keep >= 1)) {
  console.error('--keep takes a whole number of backups to keep (at least 1)')
  process.exit(2)
}
const stamp = new Date().toISOString().replace(/[:.]/g, '').slice(0, 15)
const out = resolve(values.out ?? resolve(ROOT, 'data/backups', `credit-${stamp}Z.db`))
await mkdir(dirname(out), { recursive: true })
const db = await openMigratedDb()
try {
  const check = await backupDatabase(db, out)
  console.log(
    `Backup written to ${out}: integrity ${check.integrity}, ${check.subjects} subjects, ` +
      `${check.auditRows} audit rows, hash chain intact.`
  )
} finally {
  db.$close()
}
if (keep !== null) {
  // Names sort by time (credit-<UTC stamp>Z.db); only this command's own files are touched.
  const folder = dirname(out)
  const backups = (await readdir(folder)).filter((n) => /^credit-\d{8}T\d{6}Z\.db$/.test(n)).sort()
  const old = backups.slice(0, Math.max(0, backups.length - keep))
  for (const name of old) await rm(join(folder, name))
  if (old.length) console.log(`Removed ${old.length} older backups; ${keep} kept.`)
}
