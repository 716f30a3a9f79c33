import { readdirSync, readFileSync, readlinkSync, renameSync } from 'node:fs'
import { mkdtempSync, rmSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import { gunzipSync } from 'node:zlib'
import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEFAULT_JURISDICTION } from '../../db/domain/jurisdiction.ts'
import { loadPublicSnapshot } from '../../db/queries/index.ts'
import { enqueueRebuild, pendingOutboxIds } from '../../db/mutations/outbox.ts'
import { createApp } from '../../functions/app.ts'
import { auditLog, authorities, penalties } from '../../db/schema/index.ts'
import { totpCode } from '../../functions/auth/totp.ts'
import { createDailyRebuild } from '../../functions/node/daily-rebuild.ts'
import { createNodeApp, listen } from '../../functions/node/node-server.ts'
import { createPublisher } from '../../functions/node/publisher.ts'
import { SiteBuilder } from '../../functions/node/site-builder.ts'
import { generateSeedData } from '../../scripts/seed/generate.ts'
import { writeSeedData } from '../../scripts/seed/write.ts'
import { createTestDb } from '../helpers/test-db.ts'
import { createAccounts, type E2eAccount } from '../../scripts/ready-accounts.ts'

const ROOT = resolve(import.meta.dirname, '../..')
const SEED_DATE = '2026-11-27'

/** Every built file that mentions `text`, Pagefind's compressed fragments included. */
function filesMentioning(dir: string, text: string): string[] {
  const hits: string[] = []
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const path = join(d, entry.name)
      if (entry.isDirectory()) walk(path)
      else {
        const raw = readFileSync(path)
        const body = entry.name.endsWith('.pf_fragment') ? gunzipSync(raw) : raw
        if (body.toString('utf8').includes(text)) hits.push(relative(dir, path))
      }
    }
  }
  walk(dir)
  return hits.sort()
}

let server: Awaited<ReturnType<typeof listen>>
let t: Awaited<ReturnType<typeof createTestDb>>
let buildsDir: string
const clock = { now: 0 }
let builder: SiteBuilder
let accounts: E2eAccount[]
const config = { PASSWORD_PEPPER: 'e2e-pepper-0123456789abcdefghijklmnop', ALLOWED_ORIGINS: '' }

beforeAll(async () => {
  t = await createTestDb()
  await writeSeedData(
    t.db,
    generateSeedData(DEFAULT_JURISDICTION, { subjects: 80, seed: 5, today: SEED_DATE })
  )
  buildsDir = mkdtempSync(join(ROOT, 'data', 'e2e-expiry-'))
  const { BUILD_DATE: _pinned, ...env } = process.env
  builder = new SiteBuilder(ROOT, buildsDir, { ...env, DATABASE_URL: t.url }, () => clock.now)
  accounts = await createAccounts(t.db, config)
  server = await listen(createNodeApp(builder, { db: t.db, config }, { log: false }), 0)
})
afterAll(async () => {
  server?.close()
  // The builder's background work (old builds removed, pages linked for the next) ends first.
  await builder?.stop()
  t?.cleanup()
  rmSync(buildsDir, { recursive: true, force: true })
})

describe('expiry without anyone acting', () => {
  it('removes a penalty from every public surface with the first rebuild after midnight of its end date', async () => {
    const snap = await loadPublicSnapshot(t.db, SEED_DATE)
    const caseLinked = new Set(snap.cases.map((c) => c.penaltyId))
    const target = snap.penaltyPages
      .flatMap((p) => (p.state === 'public' && !caseLinked.has(p.id) ? [p.penalty] : []))
      .sort((a, b) => a.publicUntil!.localeCompare(b.publicUntil!))[0]!
    const lastDay = target.publicUntil!
    const page = (path: string) =>
      fetch(`http://127.0.0.1:${server.port}${path}`).then((r) => r.text())

    // One minute before midnight on its last public day, the daily check builds the site.
    clock.now = Date.parse(`${lastDay}T23:59:00+08:00`)
    const daily = createDailyRebuild(builder, () => clock.now)
    expect(await daily.check()).toBe(true)
    expect(builder.state).toMatchObject({ state: 'idle', builtFor: lastDay })
    const live = async () => join(buildsDir, 'live', 'client')
    const before = filesMentioning(await live(), target.decisionNo)
    expect(before).toEqual(
      expect.arrayContaining([
        `penalties/${target.id}/index.html`,
        'penalties/index.html',
        `enterprises/${target.subjectId}/index.html`,
      ])
    )
    expect(before.some((f) => f.startsWith('data/'))).toBe(true)
    expect(before.some((f) => f.startsWith('feeds/'))).toBe(true)
    expect(before.some((f) => f.startsWith('pagefind/'))).toBe(true)
    expect(await page(`/penalties/${target.id}/`)).toContain(target.facts)

    // Still the same day: nothing to do.
    clock.now += 30_000
    expect(await daily.check()).toBe(false)

    // Two minutes later it is the next day in Shanghai: the server rebuilds by itself.
    clock.now += 90_000
    expect(await daily.check()).toBe(true)
    // Only its bare notice remains, and the change feeds that tell copies elsewhere to remove it.
    expect(filesMentioning(await live(), target.decisionNo)).toEqual([
      'feeds/changes.xml',
      `feeds/districts/${target.districtCode}.xml`,
      `penalties/${target.id}/index.html`,
    ])
    const feed = readFileSync(join(await live(), 'feeds/changes.xml'), 'utf8')
    expect(feed).toContain(`期满停止公示：行政处罚 ${target.decisionNo}`)
    expect(feed).not.toContain(target.partyName)
    const notice = await page(`/penalties/${target.id}/`)
    expect(notice).toContain('已期满停止公示')
    expect(notice).toContain(target.decisionNo)
    expect(notice).not.toContain(target.facts)
    expect(notice).not.toContain(target.partyName)
  })
})

describe('the build refuses personal information', () => {
  it('fails a build whose pages would carry a phone number, and keeps the previous site live', async () => {
    const snap = await loadPublicSnapshot(t.db, builder.state.builtFor!)
    const visible = snap.penalties[0]!
    const liveBefore = readlinkSync(join(buildsDir, 'live'))
    // Written beneath the API (which would refuse it), as a faulty import or migration might.
    await t.db
      .update(penalties)
      .set({ facts: `${visible.facts}业主联系电话１３８ ００１３ ８０００。` })
      .where(eq(penalties.id, visible.id))
    await enqueueRebuild(t.db, 'penalty', String(visible.id), 'update', Date.now())
    const publish = createPublisher(t.db, builder)
    await publish()
    expect(builder.state.state).toBe('failed')
    expect(builder.state.lastError).toMatch(/personal information.*手机号码/)
    expect(readlinkSync(join(buildsDir, 'live'))).toBe(liveBefore)
    const page = await fetch(`http://127.0.0.1:${server.port}/penalties/${visible.id}/`)
    expect(page.status).toBe(200)
    expect(await page.text()).not.toContain('１３８')

    // K4: the console says so, in words, with what is waiting; the alarm is in the audit log.
    const account = accounts.find((a) => a.username === 'reviewer-xl')
    const login = await fetch(`http://127.0.0.1:${server.port}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: `http://127.0.0.1:${server.port}` },
      body: JSON.stringify({
        username: account!.username,
        password: account!.password,
        totp: totpCode(account!.secret, Date.now()),
      }),
    })
    const Cookie = login.headers.get('set-cookie')!.split(';')[0]!
    const status = async () =>
      (await (
        await fetch(`http://127.0.0.1:${server.port}/api/v1/site/build`, { headers: { Cookie } })
      ).json()) as { state: string; waiting: number; failure: { notice: string } | null }
    const failed = await status()
    expect(failed).toMatchObject({ state: 'failed', waiting: 1 })
    expect(failed.failure!.notice).toContain('手机号码')
    expect(failed.failure!.notice).toContain(`/penalties/${visible.id}/`)
    const [alarm] = await t.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'site.build_failed'))
    expect(alarm).toMatchObject({ outcome: 'failure', actorName: 'system' })

    // Corrected, the next publish builds, and that build includes the waiting change.
    await t.db
      .update(penalties)
      .set({ facts: `${visible.facts}（已更正）` })
      .where(eq(penalties.id, visible.id))
    await publish()
    expect(await status()).toMatchObject({ state: 'idle', waiting: 0, failure: null })
    expect(readlinkSync(join(buildsDir, 'live'))).not.toBe(liveBefore)
    const fixed = await fetch(`http://127.0.0.1:${server.port}/penalties/${visible.id}/`)
    expect(await fixed.text()).toContain('（已更正）')
  })
})

describe('K5 rebuild storms', () => {
  it('turns 20 publishes in a row into at most 3 builds, the last one carrying all 20', async () => {
    const publish = createPublisher(t.db, builder)
    const app = createApp({ db: t.db, config, onPublish: () => void publish() })
    const call = (path: string, cookie: string, body: unknown = {}) =>
      app.request(`http://localhost/api/v1${path}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Origin: 'http://localhost', Cookie: cookie },
        body: JSON.stringify(body),
      })
    const logIn = async (username: string) => {
      const a = accounts.find((x) => x.username === username)!
      const res = await call('/auth/login', '', {
        username,
        password: a.password,
        totp: totpCode(a.secret, Date.now()),
      })
      return res.headers.get('set-cookie')!.split(';')[0]!
    }
    const editor = await logIn('editor-xl2')
    const reviewer = await logIn('reviewer-xl2')
    const snap = await loadPublicSnapshot(t.db, builder.state.builtFor!)
    const subject = snap.subjects.find((s) => s.districtCode === '211103' && s.uscc)!
    const [authority] = await t.db.select().from(authorities).limit(1)

    const ids: number[] = []
    for (let i = 1; i <= 20; i++) {
      const res = await call('/penalties', editor, {
        subjectUscc: subject.uscc,
        decisionNo: `风暴测试罚决〔2026〕${i}号`,
        authority: authority!.name,
        decisionDate: '2026-11-20',
        violationType: 'property_company.8',
        facts: `第${i}次连续发布测试：该企业以停水方式催缴物业费。`,
        legalBasis: '违反了《盘锦市物业管理条例》第二十三条的规定',
        category: 'fine',
        content: '罚款人民币5000元。',
        fineYuan: 5000,
        severity: 'general',
      })
      expect(res.status, await res.clone().text()).toBe(201)
      ids.push(((await res.json()) as { id: number }).id)
    }
    const buildsBefore = builder.buildsRun
    for (const id of ids) {
      expect((await call(`/penalties/${id}/submit`, editor)).status).toBe(200)
      expect((await call(`/penalties/${id}/approve`, reviewer)).status).toBe(200)
    }
    await publish()
    expect(builder.buildsRun - buildsBefore).toBeLessThanOrEqual(3)
    expect(builder.state.state).toBe('idle')
    expect(await pendingOutboxIds(t.db)).toEqual([])
    for (const id of ids) {
      const page = await fetch(`http://127.0.0.1:${server.port}/penalties/${id}/`)
      expect(page.status, `penalty ${id}`).toBe(200)
    }
  })
})

describe('K10 public site independent of the API', () => {
  it('serves the public site with the database closed and its file gone; only the API degrades', async () => {
    const snap = await loadPublicSnapshot(t.db, builder.state.builtFor!)
    const pages = [
      '/',
      '/penalties/',
      `/penalties/${snap.penalties[0]!.id}/`,
      `/enterprises/${snap.subjects[0]!.id}/`,
      '/search/',
      '/data/penalties.csv',
    ]
    t.db.$close()
    const file = t.url.slice('file:'.length)
    renameSync(file, `${file}.gone`)
    try {
      for (const path of pages) {
        const started = Date.now()
        const res = await fetch(`http://127.0.0.1:${server.port}${path}`)
        expect(res.status, path).toBe(200)
        expect(Date.now() - started, path).toBeLessThan(15_000)
      }
      // The public API may still answer from its in-memory snapshot; a sign-in cannot.
      const api = await fetch(`http://127.0.0.1:${server.port}/api/v1/public/penalties`)
      expect([200, 503]).toContain(api.status)
      const login = await fetch(`http://127.0.0.1:${server.port}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Origin: `http://127.0.0.1:${server.port}` },
        body: JSON.stringify({
          username: 'editor-xl3',
          password: 'Qh7#vLm2$Tz9wXk',
          totp: '000000',
        }),
      })
      expect(login.status).toBe(503)
      expect(login.headers.get('Retry-After')).toBe('5')
    } finally {
      renameSync(`${file}.gone`, file)
    }
  })
})
