/** Public URLs (DESIGN.md §4). Published URLs are forever: change them only with a redirect. */
export const subjectUrl = (id: string) => `/enterprises/${id}/`
export const reportUrl = (id: string) => `/enterprises/${id}/report/`
export const penaltyUrl = (id: number) => `/penalties/${id}/`
export const caseUrl = (id: number) => `/cases/${id}/`
export const searchUrl = (q: string) => `/search/?q=${encodeURIComponent(q)}`

/** Directory filters; `all` means no filter on that facet. */
export type DirectoryFilter = { district: string; kind: string; list: string }
export const ALL = 'all'

/** /enterprises/ for the unfiltered first page, else /enterprises/f/{district}/{kind}/{list}/[page/]. */
export function directoryUrl(f: DirectoryFilter, page = 1): string {
  if (f.district === ALL && f.kind === ALL && f.list === ALL && page === 1) return '/enterprises/'
  return `/enterprises/f/${f.district}/${f.kind}/${f.list}/${page > 1 ? `${page}/` : ''}`
}

/** Paged list URLs such as /penalties/ and /penalties/page/2/. */
export const pagedUrl = (base: string, page: number) => (page > 1 ? `${base}page/${page}/` : base)
