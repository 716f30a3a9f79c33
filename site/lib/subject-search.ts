import { exactKey, exactShard, type ExactHit } from '../../db/domain/exact-lookup.ts'
import {
  matchNames,
  nameShard,
  queryPair,
  simplify,
  type NameHit,
  type NameIndexInfo,
} from '../../db/domain/name-index.ts'

/** One result line of the search page, before any full-text (Pagefind) hits. */
export type SubjectResult = { url: string; title: string; excerpt: string }

export type SubjectSearchFilters = { district?: string; kind?: string; list?: string }

/**
 * Reads one shard file: `/search/exact/{n}.json` or `/search/names/{n}.json` (the page fetches
 * it; the relevance test reads the maps the build would write).
 */
export type ShardReader = <T>(path: string) => Promise<Record<string, T>>

/**
 * Exact look-ups (a full name, USCC or 决定书文号), then names containing every character of the
 * query, ranked exact name, name starting with the query, name containing it, the rest. The
 * query is folded to simplified characters first (盤錦 → 盘锦). Filters use the labels the hits
 * carry (district and kind names, list status).
 */
export async function searchSubjects(
  q: string,
  info: NameIndexInfo,
  read: ShardReader,
  filters: SubjectSearchFilters = {}
): Promise<SubjectResult[]> {
  const query = simplify(q, info.t2s)
  const key = exactKey(query)
  const exact = (
    (await read<ExactHit[]>(`/search/exact/${exactShard(key)}.json`))[key] ?? []
  ).filter(
    (h) =>
      (!filters.district || h.district === filters.district) &&
      (!filters.kind || h.kind === filters.kind)
  )
  const pair = queryPair(query, info)
  const names = pair
    ? matchNames(
        query,
        (await read<NameHit[]>(`/search/names/${nameShard(pair, info.shards)}.json`))[pair] ?? []
      ).filter(
        (h) =>
          (!filters.district || h[3] === filters.district) &&
          (!filters.kind || h[2] === filters.kind) &&
          (!filters.list || h[4] === filters.list)
      )
    : []
  const seen = new Set<string>()
  const out: SubjectResult[] = []
  const add = (r: SubjectResult) => {
    if (seen.has(r.url)) return
    seen.add(r.url)
    out.push(r)
  }
  for (const hit of exact)
    add({ url: hit.url, title: hit.name, excerpt: `${hit.kind} · ${hit.district} · ${hit.code}` })
  for (const [id, name, kind, district, list, grade] of names.slice(0, 50)) {
    const extra = [kind, district, list, grade && `信用等级${grade}级`, id]
    add({ url: `/enterprises/${id}/`, title: name, excerpt: extra.filter(Boolean).join(' · ') })
  }
  return out
}
