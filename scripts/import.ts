/**
 * npm run import -- FILE --as USERNAME [--dry-run]
 * Import subjects (企业基本信息) or penalties (双公示 columns) from CSV or XLSX through the same
 * validation, scoping and audit as the API. The account named by --as is the actor in the audit
 * log; penalties arrive as its drafts and still need a second person's review.
 */
import { findUserByUsername } from '../db/queries/users.ts'
import { readAppConfig } from '../functions/env.ts'
import { importRecords } from '../functions/services/import-records.ts'
import { readFile } from 'node:fs/promises'
import { parseTable } from '../functions/imports/parse-table.ts'
import { openMigratedDb } from './lib.ts'
import { loadPepper } from './secrets.ts'

const args = process.argv.slice(2)
const file = args.find((a) => !a.startsWith('--') && args[args.indexOf(a) - 1] !== '--as')
const username = args[args.indexOf('--as') + 1]
if (!file || !args.includes('--as') || !username) {
  console.error('Usage: npm run import -- FILE --as USERNAME [--dry-run]')
  process.exit(2)
}
const db = await openMigratedDb()
const user = await findUserByUsername(db, username)
if (!user || user.disabled) {
  console.error(`No active account ${username}.`)
  process.exit(2)
}
const ctx = {
  db,
  config: readAppConfig({ ...process.env, PASSWORD_PEPPER: loadPepper() }),
  nowMs: Date.now(),
  actor: { id: user.id, username: user.username, role: user.role, district: user.districtCode },
  requestId: `import-${Date.now()}`,
  ip: null,
}
const report = await importRecords(
  ctx,
  await parseTable(file, new Uint8Array(await readFile(file))),
  {
    dryRun: args.includes('--dry-run'),
  }
)
const kind = report.kind === 'penalties' ? '行政处罚' : '主体基本信息'
console.log(`${report.dryRun ? 'Dry run' : 'Import'} of ${kind}: ${report.rows} rows`)
for (const e of report.errors)
  console.log(`  row ${e.row}${e.field ? ` ${e.field}` : ''}: ${e.message}`)
if (report.errors.length) {
  console.log(`${report.errors.length} problems; nothing was written.`)
  process.exitCode = 1
} else {
  console.log(
    `${report.dryRun ? 'Would create' : 'Created'} ${report.created}, updated ${report.updated}, unchanged ${report.unchanged}.`
  )
}
db.$close()
