/**
 * npm start — the whole product on the embedded database:
 * migrate DATABASE_URL (default file:data/local.db), seed ~300 demo subjects (示例数据) if it is
 * empty, build the site and its search index, and serve it on PORT (default 4321).
 * Later runs reuse the database, serve the last build at once and rebuild in the background;
 * the site rebuilds by itself after each publish and shortly after every midnight (Asia/Shanghai).
 */
import { resolve } from 'node:path'
import { count } from 'drizzle-orm'
import { todayInShanghai } from '../db/domain/dates.ts'
import { subjects } from '../db/schema/index.ts'
import { readAppConfig } from '../functions/env.ts'
import { createDailyRebuild, startDailyRebuild } from '../functions/node/daily-rebuild.ts'
import { createNodeApp, listen } from '../functions/node/node-server.ts'
import { createPublisher } from '../functions/node/publisher.ts'
import { SiteBuilder } from '../functions/node/site-builder.ts'
import { bootstrapAdmin } from '../functions/services/bootstrap-admin.ts'
import { loadJurisdiction, saveJurisdiction } from './jurisdiction.ts'
import { openMigratedDb, ROOT } from './lib.ts'
import { loadPepper } from './secrets.ts'
import { generateSeedData } from './seed/generate.ts'
import { writeSeedData } from './seed/write.ts'

const DEMO_SUBJECTS = 300
const port = Number(process.env.PORT ?? 4321)
const host = process.env.HOST ?? '0.0.0.0'

const db = await openMigratedDb()
const jurisdiction = loadJurisdiction()
await saveJurisdiction(db, jurisdiction)
const [counted] = await db.select({ value: count() }).from(subjects)
const existing = counted?.value ?? 0
if (existing === 0) {
  const data = generateSeedData(jurisdiction, {
    subjects: DEMO_SUBJECTS,
    seed: 1,
    today: todayInShanghai(),
  })
  await writeSeedData(db, data)
  console.log(`Empty database: seeded ${data.subjects.length} demo subjects (示例数据).`)
}
const config = readAppConfig({ ...process.env, PASSWORD_PEPPER: loadPepper() })
const ctx = { db, config, nowMs: Date.now(), actor: null, requestId: 'startup', ip: null }
const oneTime = await bootstrapAdmin(ctx, process.env.ADMIN_PASSWORD)
if (oneTime && !process.env.ADMIN_PASSWORD) {
  console.log(`Created the first account: admin / ${oneTime}`)
  console.log('This password is shown only once. Change it and enrol TOTP at the first login.')
}

// Not under dist/: `npm run build` empties dist/ and would delete the live site.
const builder = new SiteBuilder(ROOT, resolve(ROOT, 'data/builds'))
const hadBuild = (await builder.liveClientDir()) !== null
if (!hadBuild) {
  console.log('Building the site and its search index…')
  await builder.request()
  if (builder.state.state === 'failed') {
    console.error('The first build failed; see the error above.')
    process.exit(1)
  }
}
const publish = createPublisher(db, builder)
await listen(createNodeApp(builder, { db, config, onPublish: () => void publish() }), port, host)
console.log(`物业信用公示平台 is serving on http://localhost:${port}/`)
// A later run serves the previous build at once and swaps in a fresh one when it is ready.
if (hadBuild) void builder.request()
// Publishes that were waiting when the server last stopped.
void publish()
// Records whose publicity period ends leave the site shortly after midnight, Asia/Shanghai.
startDailyRebuild(createDailyRebuild(builder).check)
