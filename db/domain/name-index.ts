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
 * The names among one pair's postings that match the query: every word of it as written, or —
 * when none does — at least 60 % of its pairs (people shorten and reorder names), best first.
 */
export function matchNames(query: string, hits: NameHit[]): NameHit[] {
  const words = query.split(/\s+/).map(nameKey).filter(Boolean)
  const exact = hits.filter((h) => {
    const key = nameKey(h[1])
    return words.every((w) => key.includes(w))
  })
  if (exact.length) return exact.sort((a, b) => a[1].length - b[1].length)
  const wanted = bigrams(words.join(''))
  return hits
    .map((h) => {
      const have = new Set(bigrams(nameKey(h[1])))
      return { h, score: wanted.filter((p) => have.has(p)).length / (wanted.length || 1) }
    })
    .filter(({ score }) => score >= 0.6)
    .sort((a, b) => b.score - a.score || a.h[1].length - b.h[1].length)
    .map(({ h }) => h)
}
