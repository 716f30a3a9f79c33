/**
 * npm start [-- --production] — the whole product on the embedded database:
 * migrate DATABASE_URL (default file:data/local.db), build the site and its search index, and
 * serve it on PORT (default 4321). Without --production an empty database gets ~300 demo
 * subjects (示例数据); with it nothing is ever seeded and the start is refused until the
 * installation is configured for real (scripts/production.ts says what is missing).
 * Later runs reuse the database, serve the last build at once and rebuild in the background;
 * the site rebuilds by itself after each publish and shortly after every midnight (Asia/Shanghai).
 * SIGTERM/SIGINT shut it down gracefully (functions/node/shutdown.ts).
 */
import { existsSync } from 'node:fs'
import { count } from 'drizzle-orm'
import { todayInShanghai } from '../db/domain/dates.ts'
import { isDemoData } from '../db/queries/reference-data.ts'
import { countUsers } from '../db/queries/users.ts'
import { subjects } from '../db/schema/index.ts'
import { readAppConfig } from '../functions/env.ts'
import { eraseExpiredComplaintData } from '../functions/services/complaints.ts'
import { eraseExpiredObjectionData } from '../functions/services/objections.ts'
import { eraseExpiredRepairApplicationData } from '../functions/services/repair-applications.ts'
import { createDailyRebuild, everyMinute } from '../functions/node/daily-rebuild.ts'
import { createNodeApp, listen } from '../functions/node/node-server.ts'
import { createPublisher } from '../functions/node/publisher.ts'
import { handleShutdown } from '../functions/node/shutdown.ts'
import { SiteBuilder } from '../functions/node/site-builder.ts'
import { bootstrapAdmin } from '../functions/services/bootstrap-admin.ts'
import { loadJurisdiction, saveAuthorities, saveJurisdiction } from './jurisdiction.ts'
import { buildsDirFor, claimBuildsDir } from './builds-dir.ts'
import { openMigratedDb, ROOT } from './lib.ts'
import { productionProblems } from './production.ts'
import { loadPepper, PEPPER_FILE } from './secrets.ts'
import { generateSeedData } from './seed/generate.ts'
import { writeSeedData } from './seed/write.ts'

const DEMO_SUBJECTS = 300
const env = process.env
const production = process.argv.includes('--production')
const port = Number(env.PORT ?? 4321)
const host = env.HOST ?? '0.0.0.0'
// Not under dist/ (`npm run build` empties it); one per database (scripts/builds-dir.ts).
const buildsDir = buildsDirFor(ROOT, env)

const db = await openMigratedDb()
const jurisdiction = loadJurisdiction()
if (production) {
  const problems = productionProblems(env, {
    jurisdictionFile: env.JURISDICTION_FILE,
    jurisdiction,
    hasAccounts: (await countUsers(db)) > 0,
    hasDemoData: await isDemoData(db),
  })
  if (problems.length) {
    console.error('生产模式未启动，请先完成以下配置（详见 README“上线前检查清单”）：')
    for (const [i, p] of problems.entries()) console.error(`${i + 1}. ${p}`)
    db.$close()
    // 78 = EX_CONFIG: the systemd unit does not restart on it (deploy/wuye-credit.service).
    process.exit(78)
  }
}
await saveJurisdiction(db, jurisdiction)
const [counted] = await db.select({ value: count() }).from(subjects)
if (!production && (counted?.value ?? 0) === 0) {
  const data = generateSeedData(jurisdiction, {
    subjects: DEMO_SUBJECTS,
    seed: 1,
    today: todayInShanghai(),
  })
  await writeSeedData(db, data)
  console.log(`Empty database: seeded ${data.subjects.length} demo subjects (示例数据).`)
}
await saveAuthorities(db, jurisdiction)

const pepperIsNew = !env.PASSWORD_PEPPER && !existsSync(PEPPER_FILE)
const config = readAppConfig({ ...env, PASSWORD_PEPPER: loadPepper() })
if (pepperIsNew && production)
  console.log('已生成口令加盐密钥 data/pepper：请立即与数据库一起备份，丢失后所有账号都无法登录。')
const ctx = { db, config, nowMs: Date.now(), actor: null, requestId: 'startup', ip: null }
const oneTime = await bootstrapAdmin(ctx, env.ADMIN_PASSWORD)
if (oneTime && env.ADMIN_PASSWORD) {
  console.log('Created the first account: admin, with the password in ADMIN_PASSWORD.')
  console.log('Sign in, enrol TOTP and change the password; then remove ADMIN_PASSWORD.')
} else if (oneTime) {
  console.log(`Created the first account: admin / ${oneTime}`)
  console.log('This password is shown only once. Change it and enrol TOTP at the first login.')
}

let releaseBuildsDir: () => void
try {
  releaseBuildsDir = claimBuildsDir(ROOT, buildsDir, env.DATABASE_URL ?? 'file:data/local.db')
} catch (err) {
  console.error((err as Error).message)
  process.exit(78)
}
const builder = new SiteBuilder(ROOT, buildsDir)
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
let app
try {
  app = createNodeApp(
    builder,
    { db, config, onPublish: () => void publish() },
    { trustedProxies: env.TRUSTED_PROXIES }
  )
} catch (err) {
  console.error(`TRUSTED_PROXIES「${env.TRUSTED_PROXIES}」中有无效的地址或网段：${String(err)}`)
  process.exit(78)
}
const listening = await listen(app, port, host)
console.log(
  `物业信用公示平台 is serving on http://localhost:${listening.port}/` +
    (production ? ` (production, public address ${env.SITE_URL})` : '')
)
// A later run serves the previous build at once and swaps in a fresh one when it is ready.
if (hadBuild) void builder.request()
// Publishes that were waiting when the server last stopped.
void publish()
// Records whose publicity period ends leave the site shortly after midnight, Asia/Shanghai.
const stopDaily = everyMinute(createDailyRebuild(builder).check)
// Rebuilds asked for by other processes (npm run import, npm run demo:remove) through the outbox.
const stopOutboxPoll = everyMinute(() => publish())
// Complainants' contact data and photos are erased when their retention period ends (issue 17).
const stopErasure = everyMinute(async () => {
  const now = { ...ctx, nowMs: Date.now(), requestId: 'retention' }
  await eraseExpiredComplaintData(now)
  await eraseExpiredObjectionData(now)
  await eraseExpiredRepairApplicationData(now)
})

handleShutdown({
  listening,
  stopBuilder: () => builder.stop(),
  stopTimers: () => {
    stopDaily()
    stopOutboxPoll()
    stopErasure()
  },
  closeDatabase: async () => {
    await publish()
    db.$close()
    releaseBuildsDir()
  },
})
