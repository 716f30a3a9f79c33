import { describe, expect, it } from 'vitest'
import type { PublicSnapshot } from '../../db/queries/public-snapshot.ts'
import { snapshotJson } from './snapshot-json.ts'

const fake = (creditFiles: unknown[]) =>
  ({
    asOf: '2026-11-27',
    creditFiles,
    skipped: undefined,
    penalties: [{ id: 1 }],
  }) as never as PublicSnapshot

describe('the snapshot file for Astro', () => {
  it('is JSON.stringify of the snapshot, written in pieces', () => {
    for (const count of [0, 1, 999, 1000, 1001, 2500]) {
      const files = Array.from({ length: count }, (_, i) => ({
        subject: { id: `s${i}`, name: '某物业' },
      }))
      const snap = fake(files)
      const json = new Map(files.map((f) => [f, JSON.stringify(f)]))
      const text = [...snapshotJson(snap, json as never)].join('')
      expect(text, String(count)).toBe(JSON.stringify(snap))
    }
  })
})
