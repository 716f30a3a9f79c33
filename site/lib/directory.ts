import type { PublicSnapshot } from '../../db/queries/index.ts'
import { LIST_STATUSES } from '../../db/domain/subject.ts'
import { SUBJECT_KINDS } from '../../db/domain/subject-kind.ts'
import { paginate, PAGE_SIZE } from './paginate.ts'
import { ALL, type DirectoryFilter } from './urls.ts'
import type { SubjectSummary } from '../../db/domain/subject.ts'

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
  for (const district of [ALL, ...districts.map((d) => d.code)])
    for (const kind of [ALL, ...SUBJECT_KINDS])
      for (const list of [ALL, ...LIST_STATUSES]) {
        const filter: DirectoryFilter = { district, kind, list }
        if (only && (only.district !== district || only.kind !== kind || only.list !== list))
          continue
        const matched = subjects.filter(
          (s) =>
            (district === ALL || s.districtCode === district) &&
            (kind === ALL || s.kind === kind) &&
            (list === ALL || s.listStatus === list)
        )
        const pages = paginate(matched, PAGE_SIZE)
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
