import { statSync } from 'node:fs'
import { databaseFilePath } from '../../db/client.ts'

/** The smallest heap an Astro build process gets; 10,000 subjects need well under half of it. */
export const MIN_HEAP_MB = 768
/**
 * Heap per megabyte of database file. The process's live data is the parsed snapshot plus the
 * pages in flight (a 10,000-subject database of 15 MB built in 512 MB); the factor leaves room for
 * the photos and audit rows the file also holds, which only make the limit more generous.
 */
const MB_PER_DATABASE_MB = 48

/**
 * Node flags for an Astro build process: a heap limit sized from the database (issue 18). Left
 * alone, V8 lets garbage grow towards a quarter of the machine's memory before it collects in
 * earnest: a 10,000-subject build peaked at 1.9–2.0 GB where 0.77 GB of heap did the same work in
 * the same time (docs/scale.md). A remote database (sqld, Turso) gives no size to go by: no flag.
 * A build that still runs out is retried once without the limit (astro-runner.ts).
 */
export function astroHeapArgs(env: NodeJS.ProcessEnv): string[] {
  // The operator's choice (MB; 0 = none) wins: a machine with little memory, or a test.
  if (env.ASTRO_HEAP_MB !== undefined && env.ASTRO_HEAP_MB !== '') {
    const fixed = Number(env.ASTRO_HEAP_MB)
    return fixed > 0 ? [`--max-old-space-size=${fixed}`] : []
  }
  const path = databaseFilePath(env.DATABASE_URL)
  if (path === null) return []
  // The larger of the file and its write-ahead log: the log repeats pages of the file (after a
  // large write it can be as big as the file while holding nothing new), and right after such a
  // write, before a checkpoint, it may hold most of the data.
  let bytes = 0
  for (const suffix of ['', '-wal']) {
    try {
      bytes = Math.max(bytes, statSync(path + suffix).size)
    } catch {
      // No such file (yet), or no write-ahead log at the moment.
    }
  }
  if (!bytes) return []
  const mb = Math.max(MIN_HEAP_MB, Math.ceil((bytes / 2 ** 20) * MB_PER_DATABASE_MB))
  return [`--max-old-space-size=${mb}`]
}

/** Whether a build process died of a full heap (V8 aborts: SIGABRT, or exit code 134). */
export function diedOfHeap(code: number | null, signal: NodeJS.Signals | null): boolean {
  return signal === 'SIGABRT' || code === 134
}
