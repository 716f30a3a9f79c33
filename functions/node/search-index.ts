import { link, mkdir, readFile, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import * as pagefind from 'pagefind'
import type { SearchRecord } from '../../site/lib/search-records.ts'
import { inBatches, linkTree } from './file-batches.ts'

/**
 * Write Pagefind's files into `outputPath`. A file the previous index has with the same bytes
 * is hard-linked from it instead: Pagefind names fragments and index chunks by their content,
 * so after one publication nearly all of them are the previous build's (at 100,000 subjects
 * 18,300 files, of which a publication changes a handful). The bytes are compared, not only
 * the names, so a shortened content hash that happens to repeat can never serve an old text.
 */
async function writeIndexFiles(
  outputPath: string,
  files: { path: string; content: Uint8Array }[],
  previous: string | null
): Promise<void> {
  await inBatches([...new Set(files.map((f) => dirname(join(outputPath, f.path))))], 64, (dir) =>
    mkdir(dir, { recursive: true })
  )
  await inBatches(files, 64, async ({ path, content }) => {
    const to = join(outputPath, path)
    if (previous) {
      const from = join(previous, path)
      const before = await readFile(from).catch(() => null)
      if (before?.equals(content)) return link(from, to).catch(() => writeFile(to, content))
    }
    return writeFile(to, content)
  })
}

/**
 * Pagefind's service process is kept for the next build while the index it served was at most
 * this many records: a warm process indexed 1,833 records (10,000 subjects) in 1.6–1.7 s where a
 * fresh one took 2.7 s, starting one and indexing a record beforehand did not help (2.6 s), so
 * what it saves is memory already faulted in, not start-up. That memory stays with it between
 * builds: ≈ 280 MB after 1,833 records, ≈ 750 MB after 18,038 (100,000 subjects), where the
 * service is closed instead (docs/scale.md, session 13).
 */
const KEEP_SERVICE_UP_TO = 5_000

/** End Pagefind's service process (a server's shutdown); the next index starts a new one. */
export function closeSearchService(): Promise<null> {
  return pagefind.close()
}

/**
 * Pagefind over the full-text records (penalties and cases), written into `outputPath`; when they
 * are the records the live build indexed (no records given), its index is linked from
 * `previousClient` instead. It runs (as Pagefind's own process) while Astro renders.
 * `keepService`: another build follows in this process (the server), which may reuse the
 * service (KEEP_SERVICE_UP_TO); after any failure it is closed, so the next build starts afresh.
 *
 * Pagefind's own `writeFiles` took 15–20 s for 18,000 records at 100,000 subjects where handing
 * the files over took 11 s and writing them from here ≈ 2 s (1 s when most are linked).
 */
export async function indexRecords(
  outputPath: string,
  records: SearchRecord[] | null,
  previousClient: string | null,
  { keepService = false }: { keepService?: boolean } = {}
): Promise<void> {
  const previous = previousClient ? join(previousClient, 'pagefind') : null
  if (!records) return linkTree(previous!, outputPath)
  let files: { path: string; content: Uint8Array }[]
  let kept = false
  try {
    const { index, errors } = await pagefind.createIndex({ forceLanguage: 'zh-cn' })
    if (!index) throw new Error(`pagefind: ${errors.join('; ')}`)
    // All sent at once: Pagefind takes them in order over its one pipe, without waiting for a
    // reply between records (6–7 s against 8–9 s one by one at 100,000 subjects).
    const added = await Promise.all(records.map((record) => index.addCustomRecord(record)))
    const failed = added.flatMap((a) => a.errors)
    if (failed.length) throw new Error(`pagefind: ${failed.join('; ')}`)
    const got = await index.getFiles()
    if (got.errors.length) throw new Error(`pagefind: ${got.errors.join('; ')}`)
    files = got.files
    if (keepService && records.length <= KEEP_SERVICE_UP_TO)
      // Typed as null, but an error from the service arrives as `{ errors }`, not a rejection.
      kept = await index.deleteIndex().then(
        (r) => !(r as { errors?: string[] } | null)?.errors?.length,
        () => false
      )
  } finally {
    if (!kept) await pagefind.close()
  }
  await writeIndexFiles(outputPath, files, previous)
}
