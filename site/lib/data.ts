import { createDb, readDbConfig } from '../../db/client.ts'
import { todayInShanghai } from '../../db/domain/dates.ts'
import { loadPublicSnapshot, type PublicSnapshot } from '../../db/queries/index.ts'

/**
 * The one way pages get data: a public snapshot loaded once per build (one query per table) and
 * shared by every page. See docs/decisions/002-pages-read-one-snapshot.md for why this replaces
 * Astro content collections. BUILD_DATE pins "today" so tests and rebuilds are reproducible.
 */
let snapshot: Promise<PublicSnapshot> | undefined

export function getSnapshot(): Promise<PublicSnapshot> {
  snapshot ??= (async () => {
    const db = createDb(readDbConfig(process.env))
    try {
      return await loadPublicSnapshot(db, process.env.BUILD_DATE ?? todayInShanghai())
    } finally {
      db.$close()
    }
  })()
  return snapshot
}
