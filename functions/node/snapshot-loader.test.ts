import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { driverError } from '../../db/driver-errors.ts'
import { loadPublicSnapshot } from '../../db/queries/public-snapshot.ts'
import { createSeededTestDb } from '../../tests/helpers/test-db.ts'
import { createSnapshotLoader } from './snapshot-loader.ts'

let t: Awaited<ReturnType<typeof createSeededTestDb>>
beforeAll(async () => {
  t = await createSeededTestDb(60, 3)
})
afterAll(() => t.cleanup())

describe('the snapshot loader (worker thread)', () => {
  it('gives the snapshot the server would load itself, list by list in parts', async () => {
    // Parts of 7: every list of more than seven arrives in several messages.
    const load = createSnapshotLoader({ DATABASE_URL: t.url }, { part: 7 })
    for (const [asOf, rewind] of [
      ['2026-11-27', false],
      ['2026-06-01', true],
    ] as const) {
      const [inWorker, inline] = await Promise.all([
        load(asOf, { rewind }),
        loadPublicSnapshot(t.db, asOf, { rewind }),
      ])
      expect(inline.creditFiles.length).toBeGreaterThan(7)
      expect(inWorker).toEqual(inline)
      expect(Object.keys(inWorker).sort()).toEqual(Object.keys(inline).sort())
    }
  })

  it("fails each load it cannot do with the driver's code, never the SQL", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'snapshot-loader-'))
    const file = join(dir, 'x.db')
    writeFileSync(file, 'not a database '.repeat(20))
    const load = createSnapshotLoader({ DATABASE_URL: `file:${file}` })
    try {
      for (let i = 0; i < 2; i++) {
        // The driver's code comes across, which decides between 503 and 500 (K10).
        const err = await load('2026-11-27', { rewind: false }).catch((e: unknown) => e)
        expect(driverError(err)?.code).toBe('SQLITE_NOTADB')
        expect(String(err)).not.toContain('select')
      }
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
