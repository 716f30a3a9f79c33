/**
 * npm run db:seed -- --subjects N --seed S [--today YYYY-MM-DD]
 * Writes a deterministic synthetic 示例数据 set into an empty database. The same N, S and today
 * always produce the same data; `today` defaults to the Asia/Shanghai date.
 */
import { count } from 'drizzle-orm'
import { IsoDate, todayInShanghai } from '../db/domain/dates.ts'
import { subjects } from '../db/schema/index.ts'
import { loadJurisdiction, saveJurisdiction } from './jurisdiction.ts'
import { openMigratedDb, parseFlags } from './lib.ts'
import { generateSeedData } from './seed/generate.ts'
import { writeSeedData } from './seed/write.ts'

const flags = parseFlags(process.argv.slice(2))
const n = Number(flags.subjects ?? 300)
const seed = Number(flags.seed ?? 1)
if (!Number.isInteger(n) || n < 1 || !Number.isInteger(seed)) {
  console.error('Usage: npm run db:seed -- --subjects N --seed S [--today YYYY-MM-DD]')
  process.exit(2)
}
const today = IsoDate.parse(flags.today ?? todayInShanghai())

const db = await openMigratedDb()
const [counted] = await db.select({ value: count() }).from(subjects)
const existing = counted?.value ?? 0
if (existing > 0) {
  console.error(`The database already holds ${existing} subjects; seed only an empty database.`)
  process.exit(1)
}
const started = performance.now()
const jurisdiction = loadJurisdiction()
await saveJurisdiction(db, jurisdiction)
const data = generateSeedData(jurisdiction, { subjects: n, seed, today })
await writeSeedData(db, data)
console.log(
  `Seeded 示例数据: ${data.subjects.length} subjects, ${data.projects.length} projects, ` +
    `${data.penalties.length} penalties, ${data.creditListEntries.length} list entries, ` +
    `${data.typicalCases.length} cases in ${Math.round(performance.now() - started)} ms`
)
db.$close()
