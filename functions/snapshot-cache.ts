import type { Db } from '../db/client.ts'
import { todayInShanghai, type IsoDate } from '../db/domain/dates.ts'
import { loadPublicSnapshot, type PublicSnapshot } from '../db/queries/index.ts'

/** How long a snapshot may serve reads before it is reloaded (other Worker isolates may write). */
const TTL_MS = 60_000
const KEEP = 4

/**
 * The public read API answers from the same snapshot the pages are built from, so the API and the
 * site agree on every legal date rule. Snapshots are kept per date (today, and a few historical
 * dates asked for with ?asOf=) and dropped on any write and after a minute.
 */
export function createSnapshotCache(db: Db, now: () => number = Date.now) {
  const entries = new Map<IsoDate, { at: number; snap: Promise<PublicSnapshot> }>()
  return {
    today: () => todayInShanghai(new Date(now())),
    get(asOf: IsoDate): Promise<PublicSnapshot> {
      const hit = entries.get(asOf)
      if (hit && now() - hit.at < TTL_MS) return hit.snap
      // A past date is answered as it stood then: later corrections and withdrawals are undone.
      const snap = loadPublicSnapshot(db, asOf, { rewind: asOf < todayInShanghai(new Date(now())) })
      // A failed load must not be served from the cache.
      snap.catch(() => entries.delete(asOf))
      entries.set(asOf, { at: now(), snap })
      while (entries.size > KEEP) entries.delete(entries.keys().next().value!)
      return snap
    },
    invalidate: () => entries.clear(),
  }
}
export type SnapshotCache = ReturnType<typeof createSnapshotCache>
