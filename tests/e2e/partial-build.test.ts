import {
  existsSync,
  readdirSync,
  readFileSync,
  rmSync,
  mkdtempSync,
  mkdirSync,
  statSync,
} from 'node:fs'
import { join, resolve } from 'node:path'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import ExcelJS from 'exceljs'
import { afterAll, describe, expect, it } from 'vitest'
import { DEFAULT_JURISDICTION } from '../../db/domain/jurisdiction.ts'
import { buildSite, prepareKeptPages, type BuildReport } from '../../functions/node/build-site.ts'
import { generateSeedData } from '../../scripts/seed/generate.ts'
import { writeSeedData } from '../../scripts/seed/write.ts'
import { createTestDb } from '../helpers/test-db.ts'

const ROOT = resolve(import.meta.dirname, '../..')
mkdirSync(join(ROOT, 'data'), { recursive: true })
const dir = mkdtempSync(join(ROOT, 'data', 'partial-build-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** Every file of a build's site, relative, sorted (Pagefind's generated names aside). */
function files(client: string): string[] {
  return (
    readdirSync(client, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[]
  )
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(client.length + 1))
    .sort()
}

/**
 * Files whose bytes differ may still say the same: a compressor may pick other bytes for the
 * same text, and an XLSX is a zip whose entries carry the time they were written (exceljs gives
 * no way to set it), so its cells are compared instead.
 */
async function sameContent(file: string, x: Buffer, y: Buffer): Promise<boolean> {
  if (file.endsWith('.br')) return brotliDecompressSync(x).equals(brotliDecompressSync(y))
  if (file.endsWith('.gz')) return gunzipSync(x).equals(gunzipSync(y))
  if (!file.endsWith('.xlsx')) return false
  const cells = async (bytes: Buffer) => {
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(bytes as unknown as ArrayBuffer)
    return JSON.stringify(wb.worksheets.map((ws) => [ws.name, ws.getSheetValues()]))
  }
  return (await cells(x)) === (await cells(y))
}

// A publication renders only what changed and keeps the rest from the live build (ADR 011);
// issue 18 moved the keeping alongside the render and the merge after the checks. The proof
// that nothing is lost or stale: after one change, the partial build's site is the same, file
// for file and byte for byte, as a full build of the same data.
describe('a partial build', () => {
  it('emits exactly what a full build of the same data emits', async () => {
    const { db, url, cleanup } = await createTestDb()
    try {
      await writeSeedData(
        db,
        generateSeedData(DEFAULT_JURISDICTION, { subjects: 40, seed: 5, today: '2026-11-27' })
      )
      const env = { ...process.env, DATABASE_URL: url, BUILD_DATE: '2026-11-27' }
      const build = (
        name: string,
        previous: string | null,
        kept?: { from: string; dir: Promise<string> }
      ): Promise<BuildReport> =>
        buildSite(ROOT, join(dir, name), env, {
          previous,
          precompress: { compareWith: previous },
          kept,
        })
      const before = join(dir, 'before')
      const first = await build('before', null)
      // As the server does while idle: the live build's record pages linked aside in advance.
      const prepared = prepareKeptPages(before, join(dir, '.kept-before'))
      const [penalty] = (await db.$client.execute('SELECT id FROM penalties ORDER BY id LIMIT 1'))
        .rows
      await db.$client.execute({
        sql: "UPDATE penalties SET facts = facts || '（部分生成测试）' WHERE id = ?",
        args: [Number(penalty!.id)],
      })
      const linked = await build('linked', before)
      const fromPrepared = await build('prepared', before, { from: before, dir: prepared })
      // The full build also proves the heap-limit fallback (astro-runner.ts): a limit no build
      // fits in kills Astro's process, and the build is redone without a limit, same output.
      const full = await buildSite(
        ROOT,
        join(dir, 'full'),
        { ...env, ASTRO_HEAP_MB: '24' },
        {
          previous: null,
          precompress: { compareWith: null },
        }
      )
      expect(full.full).toBe(true)
      // The two partial builds were rendered by the first build's Astro process without
      // bundling again (kept-renderer.ts); the full one by a fresh `astro build`.
      expect([linked.astro, fromPrepared.astro, full.astro]).toEqual([
        'rendered again',
        'rendered again',
        'bundled',
      ])
      for (const partial of [linked, fromPrepared]) {
        expect(partial).toMatchObject({ full: false })
        expect(partial.renderedRecords).toBeLessThan(10)
        expect(partial.keptRecords).toBeGreaterThan(40)
      }
      expect(readdirSync(dir)).not.toContain('.kept-before')
      // Every file of each build was scanned for personal information as it was rendered, in
      // a fresh `astro build`, its retry and the kept process alike (ADR 025): the builder
      // found nothing left to read back.
      expect([first, linked, fromPrepared, full].map((r) => r.scanReadFiles)).toEqual([0, 0, 0, 0])

      const b = join(dir, 'full', 'client')
      for (const name of ['linked', 'prepared']) {
        const a = join(dir, name, 'client')
        // Pagefind names its fragments by content hash and both builds index the same records.
        const listed = files(a)
        expect(listed, name).toEqual(files(b))
        const differing: string[] = []
        for (const f of listed) {
          const x = readFileSync(join(a, f))
          const y = readFileSync(join(b, f))
          if (!x.equals(y) && !(await sameContent(f, x, y))) differing.push(f)
        }
        expect(differing, name).toEqual([])
        expect(readFileSync(join(a, `penalties/${penalty!.id}/index.html`), 'utf8')).toContain(
          '（部分生成测试）'
        )
        // The changed penalty's data set was written again; the subjects' files, whose values
        // did not move, are the live build's own files (hard links), as are most search shards.
        expect(readFileSync(join(a, 'data/penalties.csv'), 'utf8')).toContain('（部分生成测试）')
        const inode = (build: string, f: string) => statSync(join(dir, build, 'client', f)).ino
        for (const f of ['data/subjects.csv', 'data/subjects.xlsx', 'data/subjects.json'])
          expect(inode(name, f), f).toBe(inode('before', f))
        expect(inode(name, 'data/penalties.csv')).not.toBe(inode('before', 'data/penalties.csv'))
        // The changed penalty is in the full-text index: it was indexed again.
        const entry = 'pagefind/pagefind-entry.json'
        expect(inode(name, entry)).not.toBe(inode('before', entry))
        // The records that did not change keep their fragments: the live build's own files.
        const fragments = files(join(a, 'pagefind/fragment'))
        const relinked = fragments.filter(
          (f) =>
            existsSync(join(dir, 'before', 'client', 'pagefind/fragment', f)) &&
            inode(name, `pagefind/fragment/${f}`) === inode('before', `pagefind/fragment/${f}`)
        )
        expect(fragments.length).toBeGreaterThan(5)
        expect(relinked.length).toBe(fragments.length - 1)
        const shards = files(join(a, 'search/names'))
        expect(
          shards.filter(
            (f) => inode(name, `search/names/${f}`) === inode('before', `search/names/${f}`)
          ).length
        ).toBe(shards.length)
      }
    } finally {
      cleanup()
    }
  })
})
