import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { astroHeapArgs, diedOfHeap, MIN_HEAP_MB } from './astro-heap.ts'

const dir = mkdtempSync(join(tmpdir(), 'heap-'))
afterEach(() => rmSync(join(dir, 'x.db'), { force: true }))

describe('astroHeapArgs', () => {
  it('gives a small database the minimum, a large one 48 MB of heap per MB of file or WAL', () => {
    writeFileSync(join(dir, 'x.db'), Buffer.alloc(1024))
    expect(astroHeapArgs({ DATABASE_URL: `file:${join(dir, 'x.db')}` })).toEqual([
      `--max-old-space-size=${MIN_HEAP_MB}`,
    ])
    writeFileSync(join(dir, 'x.db'), Buffer.alloc(30 * 2 ** 20))
    writeFileSync(join(dir, 'x.db-wal'), Buffer.alloc(2 * 2 ** 20))
    expect(astroHeapArgs({ DATABASE_URL: `file://${join(dir, 'x.db')}` })).toEqual([
      `--max-old-space-size=${30 * 48}`,
    ])
    // Right after a large write, before a checkpoint: the log holds the data.
    writeFileSync(join(dir, 'x.db-wal'), Buffer.alloc(40 * 2 ** 20))
    expect(astroHeapArgs({ DATABASE_URL: `file:${join(dir, 'x.db')}` })).toEqual([
      `--max-old-space-size=${40 * 48}`,
    ])
    rmSync(join(dir, 'x.db-wal'))
  })
  it('sets no limit where the size is unknown: a remote database, a missing file', () => {
    expect(astroHeapArgs({ DATABASE_URL: 'libsql://db.example.turso.io' })).toEqual([])
    expect(astroHeapArgs({ DATABASE_URL: `file:${join(dir, 'none.db')}` })).toEqual([])
    expect(astroHeapArgs({})).toEqual([])
  })
  it('takes the operator’s ASTRO_HEAP_MB over the estimate, 0 for none', () => {
    expect(astroHeapArgs({ DATABASE_URL: 'libsql://x', ASTRO_HEAP_MB: '2048' })).toEqual([
      '--max-old-space-size=2048',
    ])
    writeFileSync(join(dir, 'x.db'), Buffer.alloc(1024))
    expect(
      astroHeapArgs({ DATABASE_URL: `file:${join(dir, 'x.db')}`, ASTRO_HEAP_MB: '0' })
    ).toEqual([])
  })
  it('knows a heap abort from other exits', () => {
    expect(diedOfHeap(null, 'SIGABRT')).toBe(true)
    expect(diedOfHeap(134, null)).toBe(true)
    expect(diedOfHeap(1, null)).toBe(false)
    expect(diedOfHeap(null, 'SIGTERM')).toBe(false)
  })
})
