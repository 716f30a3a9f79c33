import type { PublicSnapshot } from '../../db/queries/index.ts'
import { SUBJECT_KINDS } from '../../db/domain/subject-kind.ts'
import { paginate } from './paginate.ts'
import { GRADES } from '../../db/domain/rating.ts'
import { ALL, directoryUrl, type DirectoryFilter } from './urls.ts'
import type { SubjectSummary } from '../../db/domain/subject.ts'

/** The list facet's values: the red and black lists (every subject is under 全部). */
export const DIRECTORY_LISTS = ['red', 'black'] as const

/**
 * Directory pages hold more cards than other lists: each subject appears under up to six facet
 * combinations, so the page size decides most of the site's file count (docs/scale.md).
 */
export const DIRECTORY_PAGE_SIZE = 50

/**
 * Every facet combination × page of the directory, for getStaticPaths; `only` limits it to one
 * combination (the unfiltered /enterprises/ page needs just its own).
 */
export function directoryPages({ subjects, districts }: PublicSnapshot, only?: DirectoryFilter) {
  const out: {
    filter: DirectoryFilter
    subjects: SubjectSummary[]
    matched: number
    page: number
    totalPages: number
    districts: PublicSnapshot['districts']
  }[] = []
  const filters: DirectoryFilter[] = []
  for (const district of [ALL, ...districts.map((d) => d.code)]) {
    for (const kind of [ALL, ...SUBJECT_KINDS])
      for (const list of [ALL, ...DIRECTORY_LISTS])
        filters.push({ district, kind, list, grade: ALL })
    for (const grade of GRADES)
      filters.push({ district, kind: 'property_company', list: ALL, grade })
  }
  for (const filter of filters) {
    if (only && directoryUrl(only) !== directoryUrl(filter)) continue
    const { district, kind, list, grade } = filter
    const matched = subjects.filter(
      (s) =>
        (district === ALL || s.districtCode === district) &&
        (kind === ALL || s.kind === kind) &&
        (list === ALL || s.listStatus === list) &&
        (grade === ALL || s.grade === grade)
    )
    const pages = paginate(matched, DIRECTORY_PAGE_SIZE)
    pages.forEach((items, i) =>
      out.push({
        filter,
        subjects: items,
        matched: matched.length,
        page: i + 1,
        totalPages: pages.length,
        districts,
      })
    )
  }
  return out
}

/**
 * The path a facet page is written to by its route (enterprises/f/… or enterprises/g/…). The
 * unfiltered first page also exists as /enterprises/f/all/all/all/ besides /enterprises/.
 */
export function directoryPagePath({ filter, page }: { filter: DirectoryFilter; page: number }) {
  const url = directoryUrl(filter, page)
  return url === '/enterprises/' ? '/enterprises/f/all/all/all/' : url
}
