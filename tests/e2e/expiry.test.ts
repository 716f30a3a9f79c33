import { readdirSync, readFileSync, readlinkSync } from 'node:fs'
import { mkdtempSync, rmSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import { gunzipSync } from 'node:zlib'
import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEFAULT_JURISDICTION } from '../../db/domain/jurisdiction.ts'
import { loadPublicSnapshot } from '../../db/queries/index.ts'
import { penalties } from '../../db/schema/index.ts'
import { createDailyRebuild } from '../../functions/node/daily-rebuild.ts'
import { createNodeApp, listen } from '../../functions/node/node-server.ts'
import { SiteBuilder } from '../../functions/node/site-builder.ts'
import { generateSeedData } from '../../scripts/seed/generate.ts'
import { writeSeedData } from '../../scripts/seed/write.ts'
import { createTestDb } from '../helpers/test-db.ts'

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

beforeAll(async () => {
  t = await createTestDb()
  await writeSeedData(
    t.db,
    generateSeedData(DEFAULT_JURISDICTION, { subjects: 80, seed: 5, today: SEED_DATE })
  )
  buildsDir = mkdtempSync(join(ROOT, 'data', 'e2e-expiry-'))
  const { BUILD_DATE: _pinned, ...env } = process.env
  builder = new SiteBuilder(ROOT, buildsDir, { ...env, DATABASE_URL: t.url }, () => clock.now)
  const config = { PASSWORD_PEPPER: 'e2e-pepper-0123456789abcdefghijklmnop', ALLOWED_ORIGINS: '' }
  server = await listen(createNodeApp(builder, { db: t.db, config }), 0)
})
afterAll(() => {
  server?.close()
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
    await builder.request()
    expect(builder.state.state).toBe('failed')
    expect(builder.state.lastError).toMatch(/personal information.*手机号码/)
    expect(readlinkSync(join(buildsDir, 'live'))).toBe(liveBefore)
    const page = await fetch(`http://127.0.0.1:${server.port}/penalties/${visible.id}/`)
    expect(page.status).toBe(200)
    expect(await page.text()).not.toContain('１３８')
  })
})
