import type { PublicSnapshot } from '../../db/queries/index.ts'
import { directoryPagePath, directoryPages } from './directory.ts'
import { exactShards } from './exact-index.ts'
import { nameIndex } from './name-search.ts'
import { CREDIT_FILE_DATASETS, DATA_FORMATS, DATASETS, datasetTable } from './open-data.ts'
import { caseUrl, penaltyUrl, subjectUrl } from './urls.ts'

/** The file a page at `url` (a directory URL) is written to, relative to the site root. */
const pageFile = (url: string) => [`${url.slice(1)}index.html`]

/**
 * The pages rendered once per record (and the other files that are many, or slow to write, and
 * change with few publications: directory facet pages, open data files, search shards). They are
 * most of the site and of its render time, so a publish re-renders only those whose data changed
 * and keeps the others from the live build (functions/node/build-site.ts,
 * docs/decisions/011-incremental-builds.md). Each must read nothing but its item and the
 * shared inputs below, or an unchanged digest would hide a change; `files` names what it writes.
 */
export const RECORD_PAGES = {
  creditFile: {
    items: (s: PublicSnapshot) => s.creditFiles,
    id: (f: PublicSnapshot['creditFiles'][number]) => f.subject.id,
    files: (id: string) => pageFile(subjectUrl(id)),
  },
  penalty: {
    items: (s: PublicSnapshot) => s.penaltyPages,
    id: (p: PublicSnapshot['penaltyPages'][number]) => String(p.id),
    files: (id: string) => pageFile(penaltyUrl(Number(id))),
  },
  /** Directory facet pages: a publish that changes no subject's summary keeps them all. */
  directory: {
    items: (s: PublicSnapshot) => directoryPages(s),
    id: (p: ReturnType<typeof directoryPages>[number]) => directoryPagePath(p),
    files: (id: string) => pageFile(id),
  },
  typicalCase: {
    items: (s: PublicSnapshot) => s.casePages,
    id: (p: PublicSnapshot['casePages'][number]) => String(p.typicalCase.id),
    files: (id: string) => pageFile(caseUrl(Number(id))),
  },
  /**
   * An open data set's CSV, XLSX and JSON, digested by the values they hold (issue 18: writing
   * them was most of a publication's render, and a penalty leaves the subjects' files as they were).
   */
  dataset: {
    items: (s: PublicSnapshot) =>
      DATASETS.map((ds) => ({ name: ds.name, table: datasetTable(ds, s) })),
    id: (d: { name: string }) => d.name,
    files: (id: string) => DATA_FORMATS.map((format) => `data/${id}.${format}`),
  },
  /** The name search's shards: a subject's name or list status moves only a few of them. */
  nameShard: {
    items: (s: PublicSnapshot) => nameIndex(s).shards.map((map, shard) => ({ shard, map })),
    id: (x: { shard: number }) => String(x.shard),
    files: (id: string) => [`search/names/${id}.json`],
  },
  /** The exact look-up's shards (full names, codes, 决定书文号). */
  exactShard: {
    items: (s: PublicSnapshot) => exactShards(s).map((map, shard) => ({ shard, map })),
    id: (x: { shard: number }) => String(x.shard),
    files: (id: string) => [`search/exact/${id}.json`],
  },
} as const

export type RecordPageKind = keyof typeof RECORD_PAGES
export const RECORD_PAGE_KINDS = Object.keys(RECORD_PAGES) as RecordPageKind[]

/** What every record page reads besides its record (layout, footer, districts, the date). */
export function sharedPageInputs(s: PublicSnapshot): unknown {
  return [s.asOf, s.demoData, s.jurisdiction, s.districts]
}

/** Which record pages a build renders: all of them, or the listed ids of each kind. */
export type RenderPlan = { full: true } | { full: false; render: Record<RecordPageKind, string[]> }

/**
 * The snapshot Astro is given for a plan: in a partial build, the lists only one kind of record
 * page reads (credit files, penalty pages, case pages) hold just the records it renders. At
 * 100,000 subjects they were 82 % of the 234 MB Astro parsed for every publication. Any other
 * page that reads one of these lists must be provided for here or it renders from a part of it:
 * the subjects data set keeps the credit files whole, and /data/ counts subjects by their
 * summaries (open-data.ts, `count`). tests/e2e/partial-build.test.ts compares every file with a
 * full build's and caught the second.
 */
export function snapshotForPlan(s: PublicSnapshot, plan: RenderPlan): PublicSnapshot {
  if (plan.full) return s
  const only = <T>(kind: RecordPageKind, items: T[]): T[] => {
    const rendered = new Set(plan.render[kind])
    const id = RECORD_PAGES[kind].id as (item: T) => string
    return items.filter((item) => rendered.has(id(item)))
  }
  return {
    ...s,
    creditFiles: plan.render.dataset.some((name) => CREDIT_FILE_DATASETS.includes(name))
      ? s.creditFiles
      : only('creditFile', s.creditFiles),
    penaltyPages: only('penalty', s.penaltyPages),
    casePages: only('typicalCase', s.casePages),
  }
}

/** The files a record page is written to, relative to the site root. */
export const recordPageFiles = (kind: RecordPageKind, id: string): readonly string[] =>
  RECORD_PAGES[kind].files(id)
