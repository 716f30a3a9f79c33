import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { PublicSnapshot } from '../../db/queries/public-snapshot.ts'
import {
  RECORD_PAGE_KINDS,
  RECORD_PAGES,
  sharedPageInputs,
  type RecordPageKind,
  type RenderPlan,
} from '../../site/lib/record-pages.ts'

/*
 * What a build's data was, page by page, kept beside each build as manifest.json: the next
 * build compares its own with it to know what to render again (ADR 011, ADR 021).
 */

/** Per-page digests of a build's data: what decides whether a record page must be re-rendered. */
export type Manifest = {
  shared: string
  pages: Record<RecordPageKind, Record<string, string>>
  /** The full-text search records' digest: an unchanged index is linked, not rebuilt. */
  search?: string
}

export const MANIFEST = 'manifest.json'
const sha1 = (text: string) => createHash('sha1').update(text).digest('hex')
export const digest = (value: unknown) => sha1(JSON.stringify(value))

/**
 * `json` holds the JSON of a kind's items (in `items` order) where the caller has it already:
 * the build serialises each credit file once for its digest, its report code and the snapshot.
 */
export function manifestOf(
  snap: PublicSnapshot,
  json: Partial<Record<RecordPageKind, string[]>> = {}
): Manifest {
  const pages = {} as Manifest['pages']
  for (const kind of RECORD_PAGE_KINDS) {
    const { items, id } = RECORD_PAGES[kind] as {
      items: (s: PublicSnapshot) => unknown[]
      id: (item: unknown) => string
    }
    const known = json[kind]
    pages[kind] = Object.fromEntries(
      items(snap).map((item, i) => [id(item), known ? sha1(known[i]!) : digest(item)])
    )
  }
  return { shared: digest(sharedPageInputs(snap)), pages }
}

export async function readManifest(buildDir: string): Promise<Manifest | null> {
  const text = await readFile(join(buildDir, MANIFEST), 'utf8').catch(() => null)
  return text ? (JSON.parse(text) as Manifest) : null
}

/**
 * Whether a build renders everything: there is no previous build, or what every page shares
 * changed (the date, the jurisdiction, the districts). `shared` is a manifest's `shared` digest.
 */
export const rendersEverything = (shared: string, previous: Manifest | null): boolean =>
  !previous || previous.shared !== shared

/**
 * Everything when `rendersEverything`; otherwise only the record pages that are new or whose
 * data moved.
 */
export function renderPlan(current: Manifest, previous: Manifest | null): RenderPlan {
  if (!previous || rendersEverything(current.shared, previous)) return { full: true }
  const render = {} as Record<RecordPageKind, string[]>
  for (const kind of RECORD_PAGE_KINDS) {
    const before = previous.pages[kind] ?? {}
    render[kind] = Object.entries(current.pages[kind])
      .filter(([id, hash]) => before[id] !== hash)
      .map(([id]) => id)
  }
  return { full: false, render }
}
