/**
 * npm run audit:import -- --from audit-log.ndjson — the offsite-export drill: load an audit export
 * (console 审计日志 → 导出) into the empty audit log of DATABASE_URL and verify its hash chain.
 * Exits 1 when a link is broken, naming the first bad row.
 */
import { readFile } from 'node:fs/promises'
import { parseArgs } from 'node:util'
import { importAuditExport } from './backup.ts'
import { openMigratedDb } from './lib.ts'

const { values } = parseArgs({ options: { from: { type: 'string' } } })
if (!values.from) {
  console.error('Usage: npm run audit:import -- --from audit-log.ndjson')
  process.exit(2)
}
const db = await openMigratedDb()
try {
  const { rows, brokenAt } = await importAuditExport(db, await readFile(values.from, 'utf8'))
  if (brokenAt !== null) {
    console.error(`Hash chain broken at audit row ${brokenAt}; nothing was imported.`)
    process.exitCode = 1
  } else console.log(`Imported ${rows} audit rows; hash chain verified.`)
} finally {
  db.$close()
}
