/**
 * npm run db:restore -- --from FILE — replace the embedded database (DATABASE_URL, default
 * file:data/local.db) with a backup, after checking its integrity and audit hash chain. Stop the
 * server first. The replaced file is kept beside it (…before-restore-<time>).
 */
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { databaseFile, restoreDatabase } from './backup.ts'
import { ROOT } from './lib.ts'

const { values } = parseArgs({ options: { from: { type: 'string' } } })
if (!values.from) {
  console.error('Usage: npm run db:restore -- --from data/backups/credit-….db')
  process.exit(2)
}
const target = resolve(ROOT, databaseFile(process.env.DATABASE_URL ?? 'file:data/local.db'))
const { check, previous } = await restoreDatabase(resolve(values.from), target)
console.log(
  `Restored ${values.from} to ${target}: ${check.subjects} subjects, ${check.auditRows} audit rows, hash chain intact.`
)
if (previous) console.log(`The replaced database is kept as ${previous}.`)
