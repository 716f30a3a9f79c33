import { describe, expect, it } from 'vitest'
import { DEFAULT_JURISDICTION } from '../../db/domain/jurisdiction.ts'
import { isValidUscc } from '../../db/domain/uscc.ts'
import { findViolationType } from '../../db/domain/violation-type.ts'
import { loadPublicSnapshot } from '../../db/queries/public-snapshot.ts'
import { createTestDb } from '../../tests/helpers/test-db.ts'
import { generateSeedData } from './generate.ts'
import { writeSeedData } from './write.ts'

const opts = { subjects: 200, seed: 7, today: '2026-11-27' }

describe('generateSeedData', () => {
  it('is deterministic for the same size, seed and date', () => {
    expect(generateSeedData(DEFAULT_JURISDICTION, opts)).toEqual(
      generateSeedData(DEFAULT_JURISDICTION, opts)
    )
    expect(generateSeedData(DEFAULT_JURISDICTION, { ...opts, seed: 8 })).not.toEqual(
      generateSeedData(DEFAULT_JURISDICTION, opts)
    )
  })

  it('writes valid USCCs, unique names and penalties typed by the seed plan', () => {
    const data = generateSeedData(DEFAULT_JURISDICTION, opts)
    expect(data.subjects).toHaveLength(200)
    for (const s of data.subjects) if (s.uscc) expect(isValidUscc(s.uscc), s.uscc).toBe(true)
    expect(new Set(data.subjects.map((s) => s.name)).size).toBe(data.subjects.length)
    for (const p of data.penalties)
      expect(findViolationType(p.violationType), p.violationType).toBeDefined()
    const kinds = new Set(data.subjects.map((s) => s.kind))
    expect(kinds).toEqual(new Set(['property_company', 'developer', 'owners_committee']))
  })

  it('loads into a real database and yields every kind of public record', async () => {
    const { db, cleanup } = await createTestDb()
    try {
      await writeSeedData(db, generateSeedData(DEFAULT_JURISDICTION, opts))
      const snap = await loadPublicSnapshot(db, opts.today)
      expect(snap.demoData).toBe(true)
      expect(snap.penalties.length).toBeGreaterThan(0)
      expect(snap.listEntries.some((e) => e.list === 'red')).toBe(true)
      expect(snap.listEntries.some((e) => e.list === 'black')).toBe(true)
      expect(snap.cases.length).toBeGreaterThan(0)
      expect(snap.supervisions.length).toBeGreaterThan(0)
      expect(snap.penaltyPages.some((p) => p.state === 'withdrawn')).toBe(true)
      expect(snap.penaltyPages.some((p) => p.state === 'expired')).toBe(true)
    } finally {
      cleanup()
    }
  })
})
