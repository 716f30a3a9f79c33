import type { Db } from '../db/client.ts'
import { todayInShanghai, type IsoDate } from '../db/domain/dates.ts'
import { loadPublicSnapshot, type PublicSnapshot } from '../db/queries/index.ts'

/** How long a snapshot may serve reads before it is reloaded (other Worker isolates may write). */
const TTL_MS = 60_000
const KEEP = 4

/** How a snapshot is read; the Node server reads in a worker thread (node/snapshot-loader.ts). */
export type LoadSnapshot = (asOf: IsoDate, opts: { rewind: boolean }) => Promise<PublicSnapshot>

/**
 * The public read API answers from the same snapshot the pages are built from, so the API and the
 * site agree on every legal date rule. Snapshots are kept per date (today, and a few historical
 * dates asked for with ?asOf=). Any write drops them all: the next read loads afresh and waits
 * for it, so a withdrawal is never answered from before it. After a minute (another process or
 * Worker isolate may have written) a snapshot is reloaded in the background while the old one
 * keeps answering: a load takes seconds at 10,000 subjects, and every read in them waited
 * (issue 18).
 */
export function createSnapshotCache(
  db: Db,
  now: () => number = Date.now,
  read: LoadSnapshot = (asOf, opts) => loadPublicSnapshot(db, asOf, opts)
) {
  type Entry = { at: number; snap: Promise<PublicSnapshot>; refreshing: boolean }
  const entries = new Map<IsoDate, Entry>()
  // Bumped by invalidate(): a background load that started before a write is thrown away.
  let generation = 0
  const load = (asOf: IsoDate) =>
    // A past date is answered as it stood then: later corrections and withdrawals are undone.
    read(asOf, { rewind: asOf < todayInShanghai(new Date(now())) })
  return {
    today: () => todayInShanghai(new Date(now())),
    get(asOf: IsoDate): Promise<PublicSnapshot> {
      const hit = entries.get(asOf)
      if (hit) {
        if (now() - hit.at >= TTL_MS && !hit.refreshing) {
          hit.refreshing = true
          const started = generation
          const next = load(asOf)
          next.then(
            () => {
              if (generation === started && entries.get(asOf) === hit)
                entries.set(asOf, { at: now(), snap: next, refreshing: false })
            },
            () => (hit.refreshing = false)
          )
        }
        return hit.snap
      }
      const snap = load(asOf)
      // A failed load must not be served from the cache.
      snap.catch(() => entries.delete(asOf))
      entries.set(asOf, { at: now(), snap, refreshing: false })
      while (entries.size > KEEP) entries.delete(entries.keys().next().value!)
      return snap
    },
    invalidate: () => {
      generation++
      entries.clear()
    },
  }
}
export type SnapshotCache = ReturnType<typeof createSnapshotCache>
