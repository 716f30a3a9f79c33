import { normalizeUscc } from './uscc.ts'

/**
 * Exact look-up of a full name or USCC, outside the full-text index: Pagefind ranks by segments,
 * so a complete name or code gets its own small sharded map (`/search/exact/{shard}.json`).
 * The build and the browser share these functions so they always agree on the shard.
 */
export const EXACT_SHARDS = 64

/**
 * Normalise a query or name for exact matching: full-width → half-width, no spaces, upper case,
 * and the year brackets of a 文号 in any form people type (〔2026〕 [2026] (2026) 【2026】).
 */
export function exactKey(text: string): string {
  return normalizeUscc(text.normalize('NFKC'))
    .replace(/[〔【［(（[]/g, '[')
    .replace(/[〕】］)）\]]/g, ']')
}

/** FNV-1a over UTF-16 code units: the shard hash the build and the browser share. */
export function fnv1a(key: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i)
    h = Math.imul(h, 0x01000193) >>> 0
  }
  return h
}

export const exactShard = (key: string): number => fnv1a(key) % EXACT_SHARDS

/** One exact hit: enough to render a result without loading the page. */
export type ExactHit = { url: string; name: string; code: string; kind: string; district: string }
