import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { creditListEntries, listedSupervisions, projects, recordEvents } from '../schema/index.ts'
import { createTestDb } from '../../tests/helpers/test-db.ts'
import {
  insertAuthority,
  insertPenalty,
  insertSubject,
  makeUscc,
} from '../../tests/fixtures/builders.ts'
import type { Db } from '../client.ts'
import { loadPublicSnapshot, type SearchablePart } from './public-snapshot.ts'

let db: Db
let cleanup: () => void
beforeEach(async () => {
  ;({ db, cleanup } = await createTestDb())
})
afterEach(() => cleanup())

describe('loadPublicSnapshot', () => {
  it('shows a penalty on its last public day and replaces it with a bare notice the day after', async () => {
    const subject = await insertSubject(db)
    const authority = await insertAuthority(db)
    const penalty = await insertPenalty(db, subject.id, authority, { publicUntil: '2027-05-09' })

    const lastDay = await loadPublicSnapshot(db, '2027-05-09')
    expect(lastDay.penalties.map((p) => p.id)).toEqual([penalty.id])
    expect(lastDay.creditFiles[0]!.penalties).toHaveLength(1)

    const after = await loadPublicSnapshot(db, '2027-05-10')
    expect(after.penalties).toEqual([])
    expect(after.creditFiles[0]!.penalties).toEqual([])
    expect(after.penaltyPages).toEqual([
      { state: 'expired', id: penalty.id, decisionNo: penalty.decisionNo },
    ])
  })

  it('keeps a withdrawn penalty out of lists but gives its page the published reason', async () => {
    const subject = await insertSubject(db)
    const authority = await insertAuthority(db)
    await insertPenalty(db, subject.id, authority, {
      status: 'withdrawn',
      withdrawnOn: '2026-06-01',
      withdrawalReason: '经行政复议撤销',
    })
    const snap = await loadPublicSnapshot(db, '2026-07-01')
    expect(snap.penalties).toEqual([])
    const [page] = snap.penaltyPages
    expect(page?.state).toBe('withdrawn')
    expect(page?.state === 'withdrawn' && page.penalty.withdrawal).toEqual({
      on: '2026-06-01',
      reason: '经行政复议撤销',
    })
  })

  it('never shows drafts, 轻微 records or unpublished subjects', async () => {
    const subject = await insertSubject(db)
    const hidden = await insertSubject(db, {
      uscc: makeUscc(42),
      id: makeUscc(42),
      status: 'draft',
    })
    const authority = await insertAuthority(db)
    await insertPenalty(db, subject.id, authority, { status: 'draft' })
    await insertPenalty(db, subject.id, authority, {
      severity: 'minor',
      repairableFrom: null,
      publicUntil: null,
    })
    await insertPenalty(db, hidden.id, authority)
    const snap = await loadPublicSnapshot(db, '2026-07-01')
    expect(snap.subjects.map((s) => s.id)).toEqual([subject.id])
    expect(snap.penalties).toEqual([])
    expect(snap.penaltyPages.every((p) => p.state !== 'public')).toBe(true)
  })

  it('hands over its penalties, cases and districts before it resolves, for the search index', async () => {
    const subject = await insertSubject(db)
    const hidden = await insertSubject(db, {
      uscc: makeUscc(43),
      id: makeUscc(43),
      status: 'draft',
    })
    const authority = await insertAuthority(db)
    await insertPenalty(db, subject.id, authority)
    await insertPenalty(db, subject.id, authority, {
      status: 'withdrawn',
      withdrawnOn: '2026-06-01',
    })
    await insertPenalty(db, hidden.id, authority)
    const parts: SearchablePart[] = []
    let resolved = false
    const loading = loadPublicSnapshot(db, '2026-07-01', {
      onSearchable: (part) => {
        expect(resolved).toBe(false)
        parts.push(part)
      },
    }).finally(() => (resolved = true))
    const snap = await loading
    // The snapshot's own objects: the index can never hold what the pages do not.
    expect(parts).toHaveLength(1)
    expect(parts[0]!.penalties).toBe(snap.penalties)
    expect(parts[0]!.cases).toBe(snap.cases)
    expect(parts[0]!.districts).toBe(snap.districts)
    expect(snap.penalties).toHaveLength(1)

    const past = await loadPublicSnapshot(db, '2026-07-01', {
      rewind: true,
      onSearchable: (part) => parts.push(part),
    })
    expect(parts).toHaveLength(1)
    expect(past.penalties).toEqual(snap.penalties)
  })

  it('counts a list entry only while valid and not removed, black outranking red', async () => {
    const subject = await insertSubject(db)
    const authority = await insertAuthority(db)
    const entry = {
      subjectId: subject.id,
      reason: '事由',
      basis: '依据',
      authorityId: authority,
      measures: '措施',
      removalRoute: '途径',
      status: 'published' as const,
    }
    await db.insert(creditListEntries).values([
      {
        ...entry,
        list: 'red',
        decisionNo: '红1',
        decisionDate: '2025-01-01',
        validUntil: '2027-01-01',
      },
      {
        ...entry,
        list: 'black',
        decisionNo: '黑1',
        decisionDate: '2026-01-01',
        validUntil: '2026-12-31',
      },
      {
        ...entry,
        list: 'black',
        decisionNo: '黑2',
        decisionDate: '2025-01-01',
        validUntil: '2028-01-01',
        removedOn: '2025-06-01',
        removalReason: '信用修复',
      },
    ])
    const during = await loadPublicSnapshot(db, '2026-06-01')
    expect(during.subjects[0]!.listStatus).toBe('black')
    expect(during.listEntries.map((e) => e.decisionNo).sort()).toEqual(['红1', '黑1'])
    const after = await loadPublicSnapshot(db, '2027-01-01')
    expect(after.subjects[0]!.listStatus).toBe('red')
  })

  it('orders a credit file timeline newest first', async () => {
    const subject = await insertSubject(db)
    const authority = await insertAuthority(db)
    await insertPenalty(db, subject.id, authority, {
      decisionDate: '2026-03-01',
      publicUntil: '2027-02-28',
    })
    await insertPenalty(db, subject.id, authority, {
      decisionDate: '2026-06-01',
      publicUntil: '2027-05-31',
    })
    const snap = await loadPublicSnapshot(db, '2026-07-01')
    expect(snap.creditFiles[0]!.timeline.map((t) => t.date)).toEqual(['2026-06-01', '2026-03-01'])
  })
})

describe('loadPublicSnapshot links', () => {
  it('never names or links an unpublished subject from a supervision item', async () => {
    const { db, cleanup } = await createTestDb()
    try {
      const hidden = await insertSubject(db, { status: 'draft' })
      const authority = await insertAuthority(db)
      const [project] = await db
        .insert(projects)
        .values({
          name: '测试小区',
          districtCode: '211103',
          address: '兴隆台区测试路1号',
          status: 'published',
        })
        .returning()
      await db.insert(listedSupervisions).values({
        projectId: project!.id,
        subjectId: hidden.id,
        districtCode: '211103',
        problem: '投诉较多',
        authorityId: authority,
        listedOn: '2026-05-01',
        deadline: '2026-08-01',
        progress: 'supervising',
        status: 'published',
      })
      const snap = await loadPublicSnapshot(db, '2026-06-01')
      expect(snap.supervisions).toHaveLength(1)
      expect(snap.supervisions[0]).toMatchObject({ subjectId: null, subjectName: null })
    } finally {
      cleanup()
    }
  })
})

describe('loadPublicSnapshot as of a past date (history)', () => {
  it('undoes later corrections and withdrawals, and hides what was published later', async () => {
    const subject = await insertSubject(db, { uscc: makeUscc(77) })
    const authority = await insertAuthority(db)
    const p = await insertPenalty(db, subject.id, authority, {
      decisionDate: '2026-05-10',
      fineFen: 300_000,
      status: 'withdrawn',
      withdrawnOn: '2026-08-01',
      withdrawalReason: '复议撤销',
    })
    const line = (event: 'published' | 'corrected' | 'withdrawn', onDate: string) => ({
      objectType: 'penalty',
      objectId: String(p.id),
      subjectId: subject.id,
      event,
      onDate,
      createdAt: new Date(`${onDate}T09:00:00+08:00`),
    })
    await db.insert(recordEvents).values([
      line('published', '2026-05-13'),
      {
        ...line('corrected', '2026-07-01'),
        changes: [
          {
            field: 'fineYuan',
            label: '罚款金额（元）',
            from: 5000,
            to: 3000,
            fromText: '5,000 元',
            toText: '3,000 元',
          },
        ],
      },
      line('withdrawn', '2026-08-01'),
    ])
    const state = async (asOf: string) => {
      const snap = await loadPublicSnapshot(db, asOf, { rewind: true })
      const page = snap.penaltyPages.find((x) => x.id === p.id)
      return page?.state === 'public' ? `public ${page.penalty.fineFen}` : (page?.state ?? 'none')
    }
    expect(await state('2026-05-12')).toBe('none')
    expect(await state('2026-06-15')).toBe('public 500000')
    expect(await state('2026-07-15')).toBe('public 300000')
    expect(await state('2026-08-15')).toBe('withdrawn')
    // The site itself is always built from today's rows.
    expect((await loadPublicSnapshot(db, '2026-06-15')).penalties).toEqual([])
  })
})
