import type { PublicSnapshot } from '../../db/queries/index.ts'
import { directoryPagePath, directoryPages } from './directory.ts'
import { caseUrl, penaltyUrl, subjectUrl } from './urls.ts'

/**
 * The pages rendered once per record (and the directory's facet pages). They are most of the site, so a publish re-renders only
 * those whose data changed and keeps the others from the live build (functions/node/build-site.ts,
 * docs/decisions/011-incremental-builds.md). Each page must read nothing but its item and the
 * shared inputs below, or an unchanged digest would hide a change.
 */
export const RECORD_PAGES = {
  creditFile: {
    items: (s: PublicSnapshot) => s.creditFiles,
    id: (f: PublicSnapshot['creditFiles'][number]) => f.subject.id,
    url: (id: string) => subjectUrl(id),
  },
  penalty: {
    items: (s: PublicSnapshot) => s.penaltyPages,
    id: (p: PublicSnapshot['penaltyPages'][number]) => String(p.id),
    url: (id: string) => penaltyUrl(Number(id)),
  },
  /** Directory facet pages: a publish that changes no subject's summary keeps them all. */
  directory: {
    items: (s: PublicSnapshot) => directoryPages(s),
    id: (p: ReturnType<typeof directoryPages>[number]) => directoryPagePath(p),
    url: (id: string) => id,
  },
  typicalCase: {
    items: (s: PublicSnapshot) => s.casePages,
    id: (p: PublicSnapshot['casePages'][number]) => String(p.typicalCase.id),
    url: (id: string) => caseUrl(Number(id)),
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

/** The file a record page is written to, relative to the site root. */
export const recordPageFile = (kind: RecordPageKind, id: string) =>
  `${RECORD_PAGES[kind].url(id).slice(1)}index.html`
