import { hasEveryCharacter } from '../../db/domain/name-index.ts'

/** Browser side of Pagefind: load its module from the built site and return plain results. */
type PagefindResult = {
  data: () => Promise<{
    url: string
    excerpt: string
    content: string
    meta: Record<string, string>
  }>
}
type Pagefind = {
  options: (opts: { basePath: string }) => Promise<void>
  mergeIndex: (path: string) => Promise<void>
  search: (
    q: string,
    opts: { filters: Record<string, string> }
  ) => Promise<{ results: PagefindResult[] } | null>
}

const MAX_RESULTS = 30

/**
 * Pagefind over the bundles asked for: its runtime from the one address the build gives it
 * (functions/node/build-site.ts), pointed at the first bundle, the others merged into it
 * (Pagefind ranks across them).
 */
// A page runs one search (the form loads the page again), so one set of bundles per page.
let loaded: Promise<Pagefind> | null = null
function loadPagefind(paths: string[]): Promise<Pagefind> {
  loaded ??= (async () => {
    // The path exists only in the built site, so Vite must not try to resolve it.
    const pagefind = (await import(
      /* @vite-ignore */ '/pagefind/pagefind.js' as string
    )) as Pagefind
    await pagefind.options({ basePath: paths[0]! })
    for (const path of paths.slice(1)) await pagefind.mergeIndex(path)
    return pagefind
  })()
  return loaded
}

/**
 * `bundles` maps each district's name to its bundle (site/lib/search-records.ts); a search in
 * one district reads only that district's.
 */
export async function runSearch(
  q: string,
  bundles: Record<string, string>,
  filters: { 县区?: string | undefined }
): Promise<{ url: string; title: string; excerpt: string }[]> {
  const district = filters.县区
  const paths = district
    ? [bundles[district]].filter((p) => p !== undefined)
    : Object.values(bundles)
  if (!paths.length) return []
  const pagefind = await loadPagefind(paths)
  const active = Object.fromEntries(Object.entries(filters).filter(([, v]) => v)) as Record<
    string,
    string
  >
  const search = await pagefind.search(q, { filters: active })
  if (!search) return []
  const data = await Promise.all(search.results.slice(0, MAX_RESULTS).map((r) => r.data()))
  // Pagefind matches segments: a query sharing one common word (物业管理, 委员会) with hundreds
  // of records would list them all. A result must hold every character of the query (issue 15).
  return data
    .filter((d) => hasEveryCharacter(`${d.meta.title ?? ''}${d.content}`, q))
    .map((d) => ({
      url: d.url,
      title: d.meta.title ?? d.url,
      excerpt: d.excerpt,
    }))
}
