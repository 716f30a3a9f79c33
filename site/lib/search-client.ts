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
  search: (
    q: string,
    opts: { filters: Record<string, string> }
  ) => Promise<{ results: PagefindResult[] } | null>
}

const MAX_RESULTS = 30

export async function runSearch(
  q: string,
  filters: Record<string, string | undefined>
): Promise<{ url: string; title: string; excerpt: string }[]> {
  // The path exists only in the built site, so Vite must not try to resolve it.
  const pagefind = (await import(/* @vite-ignore */ '/pagefind/pagefind.js' as string)) as Pagefind
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
