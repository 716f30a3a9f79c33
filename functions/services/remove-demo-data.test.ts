import { count, eq, sql } from 'drizzle-orm'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { DEFAULT_JURISDICTION } from '../../db/domain/jurisdiction.ts'
import { loadPublicSnapshot } from '../../db/queries/public-snapshot.ts'
import * as schema from '../../db/schema/index.ts'
import { generateSeedData } from '../../scripts/seed/generate.ts'
import { writeSeedData } from '../../scripts/seed/write.ts'
import {
  insertAuthority,
  insertPenalty,
  insertSubject,
  makeUscc,
} from '../../tests/fixtures/builders.ts'
import { createTestDb } from '../../tests/helpers/test-db.ts'
import { removeDemoData, UnmarkedDemoDataError } from './remove-demo-data.ts'

const TODAY = '2026-11-27'
let t: Awaited<ReturnType<typeof createTestDb>>
const ctx = () => ({
  db: t.db,
  config: { PASSWORD_PEPPER: 'x'.repeat(32), ALLOWED_ORIGINS: '' },
  nowMs: Date.parse('2026-11-30T02:00:00Z'),
  actor: null,
  requestId: 'test',
  ip: null,
})
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any drizzle table
const rows = async (table: any): Promise<number> =>
  (await t.db.select({ n: count() }).from(table))[0]!.n

beforeEach(async () => {
  t = await createTestDb()
})
afterEach(() => t.cleanup())

/** Real records entered beside the demo set: a company with a penalty and its change-log line. */
async function addRealRecords() {
  const real = await insertSubject(t.db, { uscc: makeUscc(4242), name: '盘锦真实物业服务有限公司' })
  const penalty = await insertPenalty(t.db, real.id, await insertAuthority(t.db))
  await t.db.insert(schema.recordEvents).values({
    objectType: 'penalty',
    objectId: String(penalty.id),
    subjectId: real.id,
    event: 'published',
    onDate: TODAY,
    createdAt: new Date(),
  })
  return { real, penalty }
}

describe('removeDemoData', () => {
  it('removes exactly the seeded rows and what staff entered about them', async () => {
    const data = generateSeedData(DEFAULT_JURISDICTION, { subjects: 40, seed: 5, today: TODAY })
    await writeSeedData(t.db, data)
    const { real, penalty } = await addRealRecords()
    // A clerk's practice penalty on an invented company goes with it.
    const practice = await insertPenalty(t.db, data.subjects[0]!.id, 1)
    const authoritiesBefore = await rows(schema.authorities)
    const auditBefore = await rows(schema.auditLog)

    const result = await removeDemoData(ctx(), { dryRun: false, operator: 'cli:test' })
    expect(result.outcome).toBe('removed')
    if (result.outcome !== 'removed') return
    expect(result.seeded.subject).toBe(data.subjects.length)
    expect(result.seeded.penalty).toBe(data.penalties.length)
    expect(result.linked).toEqual({ penalty: 1 })

    expect(
      (await t.db.select({ id: schema.subjects.id }).from(schema.subjects)).map((s) => s.id)
    ).toEqual([real.id])
    const penalties = await t.db.select({ id: schema.penalties.id }).from(schema.penalties)
    expect(penalties.map((p) => p.id)).toEqual([penalty.id])
    expect(penalties.map((p) => p.id)).not.toContain(practice.id)
    for (const table of [
      schema.projects,
      schema.projectManagements,
      schema.creditRecords,
      schema.creditListEntries,
      schema.typicalCases,
      schema.listedSupervisions,
      schema.ledgerItems,
      schema.monthlyReturns,
      schema.observationProjects,
      schema.demoRecords,
    ])
      expect(await rows(table)).toBe(0)
    const events = await t.db.select().from(schema.recordEvents)
    expect(events.map((e) => e.subjectId)).toEqual([real.id])
    expect(await rows(schema.authorities)).toBe(authoritiesBefore)
    // The removal is one more audit row; nothing in the log was deleted.
    expect(await rows(schema.auditLog)).toBe(auditBefore + 1)
    const [row] = await t.db
      .select()
      .from(schema.auditLog)
      .where(eq(schema.auditLog.action, 'demo.remove'))
    expect(row!.actorName).toBe('cli:test')
    expect(await rows(schema.outbox)).toBe(1)

    const snap = await loadPublicSnapshot(t.db, TODAY)
    expect(snap.demoData).toBe(false)
    expect(snap.creditFiles.map((f) => f.subject.id)).toEqual([real.id])
  })

  it('a dry run reports the same counts and changes nothing', async () => {
    await writeSeedData(
      t.db,
      generateSeedData(DEFAULT_JURISDICTION, { subjects: 20, seed: 2, today: TODAY })
    )
    const before = await rows(schema.subjects)
    const result = await removeDemoData(ctx(), { dryRun: true, operator: 'cli:test' })
    expect(result.outcome).toBe('dry_run')
    expect(await rows(schema.subjects)).toBe(before)
    expect(await rows(schema.demoRecords)).toBeGreaterThan(0)
    expect(await rows(schema.auditLog)).toBe(0)
  })

  it('does nothing on a database without demo data', async () => {
    await addRealRecords()
    expect(await removeDemoData(ctx(), { dryRun: false, operator: 'cli:test' })).toEqual({
      outcome: 'none',
    })
    expect(await rows(schema.subjects)).toBe(1)
  })

  it('refuses a demo database seeded before rows were marked, deleting nothing', async () => {
    await addRealRecords()
    await t.db.insert(schema.siteMeta).values({ key: 'demo_data', value: 'true' })
    await expect(removeDemoData(ctx(), { dryRun: false, operator: 'cli:test' })).rejects.toThrow(
      UnmarkedDemoDataError
    )
    expect(await rows(schema.subjects)).toBe(1)
  })

  it('the change log of real records stays append-only', async () => {
    await addRealRecords()
    const refused = await t.db.run(sql`DELETE FROM record_events`).catch((err: Error) => err)
    expect(String((refused as Error).cause)).toMatch(/append-only/)
    expect(await rows(schema.recordEvents)).toBe(1)
  })
})
