import { fnv1a } from './exact-lookup.ts'

/**
 * Company-name search without a full-text engine: names are cut into character pairs (bigrams)
 * and each pair's postings live in one of `shards` small JSON files. A query needs only one file —
 * any pair of the query that is not too common finds every name containing the query — so the
 * bytes a search downloads stay flat as the data grows (issue 6, docs/scale.md). Pairs found in
 * more than `stopAbove` names (物业, 公司 …) are not indexed; the build and the browser share these
 * functions so they agree on keys, pairs and shards.
 */

/** One name hit, compact because every posting repeats it: id, name, kind, district, list, grade. */
export type NameHit = [
  id: string,
  name: string,
  kind: string,
  district: string,
  list: string,
  grade: string,
]

/**
 * What the search page needs to read the index (embedded in the page, no extra request). `t2s`
 * maps traditional characters to the simplified ones the site is written in (盤→盘, 業→业), for the
 * characters that occur in what can be searched, so 盤錦物業 finds 盘锦物业 (matrix L4).
 */
export type NameIndexInfo = { shards: number; stop: string[]; t2s: Record<string, string> }

/** A query in the site's simplified characters, character by character through `t2s`. */
export function simplify(text: string, t2s: Record<string, string>): string {
  let out = ''
  for (const ch of text) out += t2s[ch] ?? ch
  return out
}

/** Normalise a name or query: full-width → half-width, upper case, no spaces or punctuation. */
export function nameKey(text: string): string {
  return text
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[\s\p{P}\p{S}]+/gu, '')
}

/** The distinct character pairs of a normalised key (a one-character key has none). */
export function bigrams(key: string): string[] {
  const chars = [...key]
  const out = new Set<string>()
  for (let i = 0; i + 1 < chars.length; i++) out.add(chars[i]! + chars[i + 1]!)
  return [...out]
}

export const nameShard = (pair: string, shards: number): number => fnv1a(pair) % shards

/** Postings kept per shard file, on average: about 20 KB of JSON before compression. */
const POSTINGS_PER_SHARD = 400

/** Build the shards from every public subject; `stopAbove` grows slowly with the data. */
export function buildNameIndex(hits: NameHit[]): {
  info: NameIndexInfo
  shards: Record<string, NameHit[]>[]
} {
  const postings = new Map<string, NameHit[]>()
  for (const hit of hits) {
    for (const pair of bigrams(nameKey(hit[1]))) {
      const list = postings.get(pair)
      if (list) list.push(hit)
      else postings.set(pair, [hit])
    }
  }
  const stopAbove = Math.max(POSTINGS_PER_SHARD, Math.ceil(hits.length / 50))
  const stop = [...postings].filter(([, list]) => list.length > stopAbove).map(([pair]) => pair)
  for (const pair of stop) postings.delete(pair)
  let total = 0
  for (const list of postings.values()) total += list.length
  let count = 16
  while (count < total / POSTINGS_PER_SHARD && count < 8192) count *= 2
  const shards: Record<string, NameHit[]>[] = Array.from({ length: count }, () => ({}))
  for (const [pair, list] of postings) shards[nameShard(pair, count)]![pair] = list
  return { info: { shards: count, stop: stop.sort(), t2s: {} }, shards }
}

/**
 * The pair whose shard a query reads: from its longest word, the first pair that is indexed.
 * Null when the query has no indexed pair (one character, or only very common pairs).
 */
export function queryPair(query: string, info: NameIndexInfo): string | null {
  const stop = new Set(info.stop)
  const words = query
    .split(/\s+/)
    .map(nameKey)
    .sort((a, b) => b.length - a.length)
  for (const word of words) {
    const pair = bigrams(word).find((p) => !stop.has(p))
    if (pair) return pair
  }
  return null
}

/**
 * The names among one pair's postings that match the query: names containing every character of
 * it (spaces and punctuation dropped, as many times as the query has them), ranked the exact name,
 * names starting with the query, names containing it as written, then the rest; shorter first.
 * Nothing else: a query that shares only a common word (物业, 委员会) with a name is not a match
 * (issue 15), and a typo finds nothing rather than something else.
 */
export function matchNames(query: string, hits: NameHit[]): NameHit[] {
  const q = nameKey(query)
  if (!q) return []
  const rank = (key: string) => (key === q ? 0 : key.startsWith(q) ? 1 : key.includes(q) ? 2 : 3)
  return hits
    .map((h) => ({ h, key: nameKey(h[1]) }))
    .filter(({ key }) => hasEveryCharacter(key, q))
    .sort((a, b) => rank(a.key) - rank(b.key) || a.key.length - b.key.length)
    .map(({ h }) => h)
}

/**
 * Whether `text` holds every character of `query` (spaces and punctuation dropped), as many
 * times as the query does: what a search result must satisfy to be called a match, for names
 * and for the full text of penalties and cases alike.
 */
export function hasEveryCharacter(text: string, query: string): boolean {
  const have = new Map<string, number>()
  for (const ch of nameKey(text)) have.set(ch, (have.get(ch) ?? 0) + 1)
  const need = new Map<string, number>()
  for (const ch of nameKey(query)) need.set(ch, (need.get(ch) ?? 0) + 1)
  return need.size > 0 && [...need].every(([ch, n]) => (have.get(ch) ?? 0) >= n)
}
