/** Public URLs (DESIGN.md §4). Published URLs are forever: change them only with a redirect. */
export const subjectUrl = (id: string) => `/enterprises/${id}/`
export const reportUrl = (id: string) => `/enterprises/${id}/report/`
export const penaltyUrl = (id: number) => `/penalties/${id}/`
export const caseUrl = (id: number) => `/cases/${id}/`
export const searchUrl = (q: string) => `/search/?q=${encodeURIComponent(q)}`

/**
 * Directory filters; `all` means no filter on that facet. A grade (信用等级) applies to property
 * service companies only, so a grade filter fixes the kind and combines with the district alone
 * (a full cross product of four facets would multiply the pages a build writes).
 */
export type DirectoryFilter = { district: string; kind: string; list: string; grade: string }
export const ALL = 'all'

/**
 * /enterprises/ for the unfiltered first page, /enterprises/f/{district}/{kind}/{list}/[page/]
 * for the facets, /enterprises/g/{grade}/{district}/[page/] for a grade.
 */
export function directoryUrl(f: DirectoryFilter, page = 1): string {
  const paged = page > 1 ? `${page}/` : ''
  if (f.grade !== ALL) return `/enterprises/g/${f.grade}/${f.district}/${paged}`
  if (f.district === ALL && f.kind === ALL && f.list === ALL && page === 1) return '/enterprises/'
  return `/enterprises/f/${f.district}/${f.kind}/${f.list}/${paged}`
}

/** Where a facet link goes from the current filter: choosing a kind or list leaves the grade. */
export function withFacet(f: DirectoryFilter, key: keyof DirectoryFilter, value: string) {
  if (key === 'grade')
    return value === ALL
      ? { ...f, grade: ALL }
      : { district: f.district, kind: 'property_company', list: ALL, grade: value }
  if (key === 'district') return { ...f, district: value }
  return { ...f, grade: ALL, [key]: value }
}

/** Paged list URLs such as /penalties/ and /penalties/page/2/. */
export const pagedUrl = (base: string, page: number) => (page > 1 ? `${base}page/${page}/` : base)
