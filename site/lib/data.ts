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
let snapshot: { inputs: unknown; value: Promise<PublicSnapshot> } | undefined

/**
 * In the build's Astro process (functions/node/astro-process.ts) the files below are written
 * while Astro bundles; this resolves once they are complete. Elsewhere it is not set.
 */
function buildInputs(): Promise<void> | undefined {
  return (globalThis as Record<symbol, Promise<void> | undefined>)[
    Symbol.for('property-credit.build-inputs')
  ]
}

/** Resolves once SNAPSHOT_FILE is written (before the plan); set beside buildInputs(). */
function snapshotWritten(): Promise<void> | undefined {
  return (globalThis as Record<symbol, Promise<void> | undefined>)[
    Symbol.for('property-credit.build-snapshot')
  ]
}

/**
 * Each build's files come with a new inputs promise: a process that renders again (the kept
 * renderer, functions/node/astro-process.ts) reads the new snapshot and plan, never the last.
 */
export function getSnapshot(): Promise<PublicSnapshot> {
  const inputs = buildInputs()
  if (snapshot && snapshot.inputs === inputs) return snapshot.value
  const value = (async () => {
    if (process.env.SNAPSHOT_FILE) {
      await (snapshotWritten() ?? inputs)
      return JSON.parse(await readFile(process.env.SNAPSHOT_FILE, 'utf8')) as PublicSnapshot
    }
    const db = createDb(readDbConfig(process.env))
    try {
      return await loadPublicSnapshot(db, process.env.BUILD_DATE ?? todayInShanghai())
    } finally {
      db.$close()
    }
  })()
  snapshot = { inputs, value }
  return value
}

let plan: { inputs: unknown; value: Promise<RenderPlan> } | undefined

/**
 * The records of one kind whose pages this build renders: all, unless the pipeline passed a
 * RENDER_PLAN_FILE naming the changed ones (the rest are kept from the live build).
 */
export async function pagesToRender<T>(kind: RecordPageKind, items: T[]): Promise<T[]> {
  const file = process.env.RENDER_PLAN_FILE
  const inputs = buildInputs()
  if (!plan || plan.inputs !== inputs)
    plan = {
      inputs,
      value: file
        ? (async () => {
            await inputs
            return JSON.parse(await readFile(file, 'utf8')) as RenderPlan
          })()
        : Promise.resolve({ full: true }),
    }
  const current = await plan.value
  if (current.full) return items
  const wanted = new Set(current.render[kind])
  const id = RECORD_PAGES[kind].id as (item: T) => string
  return items.filter((item) => wanted.has(id(item)))
}
