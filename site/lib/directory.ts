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

type DirectoryPage = {
  filter: DirectoryFilter
  subjects: SubjectSummary[]
  matched: number
  page: number
  totalPages: number
  districts: PublicSnapshot['districts']
}

/** Every facet combination, in the order the directory lists them. */
function directoryFilters(districts: PublicSnapshot['districts']): DirectoryFilter[] {
  const filters: DirectoryFilter[] = []
  for (const district of [ALL, ...districts.map((d) => d.code)]) {
    for (const kind of [ALL, ...SUBJECT_KINDS])
      for (const list of [ALL, ...DIRECTORY_LISTS])
        filters.push({ district, kind, list, grade: ALL })
    for (const grade of GRADES)
      filters.push({ district, kind: 'property_company', list: ALL, grade })
  }
  return filters
}

const matches = (s: SubjectSummary, { district, kind, list, grade }: DirectoryFilter) =>
  (district === ALL || s.districtCode === district) &&
  (kind === ALL || s.kind === kind) &&
  (list === ALL || s.listStatus === list) &&
  (grade === ALL || s.grade === grade)

/** The facet key of a filter (one per combination). */
const keyOf = ({ district, kind, list, grade }: DirectoryFilter) =>
  `${district}|${kind}|${list}|${grade}`

/**
 * The subjects under each facet combination, in one pass: each subject lands under the few
 * combinations it matches (issue 18: filtering every subject once per combination took 1.4 s at
 * 100,000 subjects, and the builder and both directory routes each did it).
 */
function subjectsByFilter(subjects: SubjectSummary[]): Map<string, SubjectSummary[]> {
  const out = new Map<string, SubjectSummary[]>()
  const add = (key: string, s: SubjectSummary) => {
    const list = out.get(key)
    if (list) list.push(s)
    else out.set(key, [s])
  }
  for (const s of subjects) {
    for (const district of [ALL, s.districtCode]) {
      for (const kind of [ALL, s.kind])
        for (const list of [ALL, s.listStatus])
          if (list === ALL || DIRECTORY_LISTS.includes(list as (typeof DIRECTORY_LISTS)[number]))
            add(keyOf({ district, kind, list, grade: ALL }), s)
      if (s.kind === 'property_company' && s.grade)
        add(keyOf({ district, kind: 'property_company', list: ALL, grade: s.grade }), s)
    }
  }
  return out
}

function pagesOf(
  filter: DirectoryFilter,
  matched: SubjectSummary[],
  districts: PublicSnapshot['districts']
): DirectoryPage[] {
  return paginate(matched, DIRECTORY_PAGE_SIZE).map((items, i, pages) => ({
    filter,
    subjects: items,
    matched: matched.length,
    page: i + 1,
    totalPages: pages.length,
    districts,
  }))
}

const built = new WeakMap<PublicSnapshot, DirectoryPage[]>()

/**
 * Every facet combination × page of the directory, for getStaticPaths (computed once per
 * snapshot); `only` limits it to one combination (the unfiltered /enterprises/ page needs just
 * its own).
 */
export function directoryPages(snap: PublicSnapshot, only?: DirectoryFilter): DirectoryPage[] {
  const { subjects, districts } = snap
  if (only) {
    const filter = directoryFilters(districts).find((f) => keyOf(f) === keyOf(only))
    return filter
      ? pagesOf(
          filter,
          subjects.filter((s) => matches(s, filter)),
          districts
        )
      : []
  }
  let pages = built.get(snap)
  if (!pages) {
    const byFilter = subjectsByFilter(subjects)
    pages = directoryFilters(districts).flatMap((filter) =>
      pagesOf(filter, byFilter.get(keyOf(filter)) ?? [], districts)
    )
    built.set(snap, pages)
  }
  return pages
}

/**
 * The path a facet page is written to by its route (enterprises/f/… or enterprises/g/…). The
 * unfiltered first page also exists as /enterprises/f/all/all/all/ besides /enterprises/.
 */
export function directoryPagePath({ filter, page }: { filter: DirectoryFilter; page: number }) {
  const url = directoryUrl(filter, page)
  return url === '/enterprises/' ? '/enterprises/f/all/all/all/' : url
}
