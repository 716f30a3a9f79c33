import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mkdtempSync, rmSync, renameSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { eq } from 'drizzle-orm'
import { driverError } from './driver-errors.ts'
import { loadPublicSnapshot } from './queries/public-snapshot.ts'
import { createReadDb } from './read-db.ts'
import { subjects } from './schema/index.ts'
import { createSeededTestDb } from '../tests/helpers/test-db.ts'

let t: Awaited<ReturnType<typeof createSeededTestDb>>
beforeAll(async () => {
  t = await createSeededTestDb(80, 5)
})
afterAll(() => t.cleanup())

describe('the snapshot reader (rows as arrays from the engine)', () => {
  it('reads the same public snapshot as the server’s client, today and rewound', async () => {
    const reader = createReadDb({ DATABASE_URL: t.url })
    try {
      for (const [asOf, rewind] of [
        ['2026-11-27', false],
        ['2026-06-01', true],
      ] as const) {
        const [read, viaClient] = await Promise.all([
          loadPublicSnapshot(reader, asOf, { rewind }),
          loadPublicSnapshot(t.db, asOf, { rewind }),
        ])
        expect(read.creditFiles.length).toBeGreaterThan(20)
        expect(read.penalties.length).toBeGreaterThan(0)
        expect(read).toEqual(viaClient)
      }
      // One row, and none.
      const [first] = await t.db.select().from(subjects).limit(1)
      const one = await reader.select().from(subjects).where(eq(subjects.id, first!.id)).get()
      expect(one).toEqual(first)
      expect(
        await reader.select().from(subjects).where(eq(subjects.id, 'no-such-subject')).get()
      ).toBeUndefined()
    } finally {
      reader.$close()
    }
  })

  it('does not write', async () => {
    const reader = createReadDb({ DATABASE_URL: t.url })
    try {
      const err = await reader
        .update(subjects)
        .set({ name: '改名' })
        .catch((e: unknown) => e)
      expect(String((err as Error).cause ?? err)).toContain('does not write')
    } finally {
      reader.$close()
    }
  })

  it('refuses a database file that is gone, with the driver’s code (K10)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'read-db-'))
    const copy = join(dir, 'moved.db')
    const reader = createReadDb({ DATABASE_URL: t.url })
    try {
      await reader.select().from(subjects).limit(1)
      // Moved away while the connection is open: it must not go on reading the old file.
      renameSync(t.url.slice('file:'.length), copy)
      const err = await loadPublicSnapshot(reader, '2026-11-27').catch((e: unknown) => e)
      expect(driverError(err)?.code).toBe('SQLITE_CANTOPEN')
    } finally {
      renameSync(copy, t.url.slice('file:'.length))
      reader.$close()
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
