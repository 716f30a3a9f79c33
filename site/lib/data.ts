import { readFile } from 'node:fs/promises'
import { createDb, readDbConfig } from '../../db/client.ts'
import { todayInShanghai } from '../../db/domain/dates.ts'
import { loadPublicSnapshot, type PublicSnapshot } from '../../db/queries/index.ts'
import { RECORD_PAGES, type RecordPageKind, type RenderPlan } from './record-pages.ts'

/**
 * The one way pages get data: a public snapshot loaded once per build (one query per table) and
 * shared by every page. See docs/decisions/002-pages-read-one-snapshot.md for why this replaces
 * Astro content collections. BUILD_DATE pins "today" so tests and rebuilds are reproducible.
 * The build pipeline loads the snapshot itself and hands it over as SNAPSHOT_FILE, so one build
 * reads the database once (functions/node/build-site.ts).
 */
let snapshot: Promise<PublicSnapshot> | undefined

/**
 * In the build's Astro process (functions/node/astro-process.ts) the files below are written
 * while Astro bundles; this resolves once they are complete. Elsewhere it is not set.
 */
function buildInputs(): Promise<void> | undefined {
  return (globalThis as Record<symbol, Promise<void> | undefined>)[
    Symbol.for('property-credit.build-inputs')
  ]
}

export function getSnapshot(): Promise<PublicSnapshot> {
  snapshot ??= (async () => {
    if (process.env.SNAPSHOT_FILE) {
      await buildInputs()
      return JSON.parse(await readFile(process.env.SNAPSHOT_FILE, 'utf8')) as PublicSnapshot
    }
    const db = createDb(readDbConfig(process.env))
    try {
      return await loadPublicSnapshot(db, process.env.BUILD_DATE ?? todayInShanghai())
    } finally {
      db.$close()
    }
  })()
  return snapshot
}

let plan: Promise<RenderPlan> | undefined

/**
 * The records of one kind whose pages this build renders: all, unless the pipeline passed a
 * RENDER_PLAN_FILE naming the changed ones (the rest are kept from the live build).
 */
export async function pagesToRender<T>(kind: RecordPageKind, items: T[]): Promise<T[]> {
  const file = process.env.RENDER_PLAN_FILE
  plan ??= file
    ? (async () => {
        await buildInputs()
        return JSON.parse(await readFile(file, 'utf8')) as RenderPlan
      })()
    : Promise.resolve({ full: true })
  const current = await plan
  if (current.full) return items
  const wanted = new Set(current.render[kind])
  const id = RECORD_PAGES[kind].id as (item: T) => string
  return items.filter((item) => wanted.has(id(item)))
}
