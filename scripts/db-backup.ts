/**
 * npm run db:backup [-- --out FILE] — a consistent copy of the embedded database (DATABASE_URL,
 * default file:data/local.db) while the server keeps running, checked before it is reported.
 * Default file: data/backups/credit-<UTC time>.db. Turso: see docs/security.md (point-in-time
 * restore with `turso db create --from-db … --timestamp …`).
 */
import { mkdir } from 'node:fs/promises'
import { dirname, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { backupDatabase } from './backup.ts'
import { openMigratedDb, ROOT } from './lib.ts'

const { values } = parseArgs({ options: { out: { type: 'string' } } })
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
