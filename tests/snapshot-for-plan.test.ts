import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadPublicSnapshot, type PublicSnapshot } from '../db/queries/public-snapshot.ts'
import { createSeededTestDb } from './helpers/test-db.ts'
import { DATASETS, datasetRowCount } from '../site/lib/open-data.ts'
import { RECORD_PAGE_KINDS, snapshotForPlan, type RenderPlan } from '../site/lib/record-pages.ts'

let t: Awaited<ReturnType<typeof createSeededTestDb>>
let snap: PublicSnapshot
beforeAll(async () => {
  t = await createSeededTestDb(40, 2)
  snap = await loadPublicSnapshot(t.db, '2026-11-27')
})
afterAll(() => t.cleanup())

const plan = (render: Partial<Record<string, string[]>>): RenderPlan => ({
  full: false,
  render: Object.fromEntries(RECORD_PAGE_KINDS.map((k) => [k, render[k] ?? []])) as never,
})

describe('the snapshot a partial build gives Astro', () => {
  it('is the whole snapshot for a full build', () => {
    expect(snapshotForPlan(snap, { full: true })).toBe(snap)
  })

  it('holds only the credit files, penalty and case pages the plan renders', () => {
    const file = snap.creditFiles[3]!
    const page = snap.penaltyPages[1]!
    const trimmed = snapshotForPlan(
      snap,
      plan({ creditFile: [file.subject.id], penalty: [String(page.id)], dataset: ['penalties'] })
    )
    expect(trimmed.creditFiles).toEqual([file])
    expect(trimmed.penaltyPages).toEqual([page])
    expect(trimmed.casePages).toEqual([])
    // Every other list is what the aggregate pages read, whole.
    for (const key of Object.keys(snap) as (keyof PublicSnapshot)[])
      if (!['creditFiles', 'penaltyPages', 'casePages'].includes(key))
        expect(trimmed[key], key).toBe(snap[key])
    // The open data page counts every data set's rows (/data/, rendered by every build).
    for (const ds of DATASETS)
      expect(datasetRowCount(ds, trimmed), ds.name).toBe(ds.rows(snap).length)
  })

  it('keeps every credit file when the subjects data set is written again', () => {
    const trimmed = snapshotForPlan(snap, plan({ creditFile: [], dataset: ['subjects'] }))
    expect(trimmed.creditFiles).toBe(snap.creditFiles)
    expect(trimmed.penaltyPages).toEqual([])
  })
})
