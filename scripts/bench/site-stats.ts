import { readdir, readFile, stat } from 'node:fs/promises'
import { join, relative } from 'node:path'
import { gzipSync } from 'node:zlib'

export type SiteStats = {
  files: number
  bytes: number
  htmlPages: number
  /** Search data: Pagefind's index plus our name and exact-match shards. */
  searchFiles: number
  searchBytes: number
}

async function walk(dir: string, out: string[] = []): Promise<string[]> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) await walk(path, out)
    else out.push(path)
  }
  return out
}

/** Count what a build emits (what Cloudflare's per-deployment file limit counts). */
export async function siteStats(client: string): Promise<SiteStats> {
  const files = await walk(client)
  const stats: SiteStats = { files: 0, bytes: 0, htmlPages: 0, searchFiles: 0, searchBytes: 0 }
  for (const file of files) {
    const rel = relative(client, file)
    // _headers and _redirects are configuration, not assets.
    if (rel === '_headers' || rel === '_redirects') continue
    const { size } = await stat(file)
    stats.files += 1
    stats.bytes += size
    if (rel.endsWith('.html')) stats.htmlPages += 1
    if (
      rel.startsWith('pagefind/') ||
      rel.startsWith('search/names/') ||
      rel.startsWith('search/exact/')
    ) {
      stats.searchFiles += 1
      stats.searchBytes += size
    }
  }
  return stats
}

/**
 * A credit file's weight as a browser receives it compressed: its HTML plus the stylesheets it
 * links, gzip level 6 (what a CDN sends at least). Also counts script tags other than JSON-LD.
 */
export async function creditFileWeights(client: string, ids: string[]) {
  const cssCache = new Map<string, number>()
  const weights: number[] = []
  let withScripts = 0
  for (const id of ids) {
    const html = await readFile(join(client, 'enterprises', id, 'index.html'), 'utf8')
    let total = gzipSync(html).length
    for (const [, href] of html.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)) {
      if (!cssCache.has(href!))
        cssCache.set(href!, gzipSync(await readFile(join(client, href!))).length)
      total += cssCache.get(href!)!
    }
    if (/<script(?![^>]*application\/ld\+json)/.test(html)) withScripts += 1
    weights.push(total)
  }
  weights.sort((a, b) => a - b)
  return {
    medianBytes: weights[Math.floor(weights.length / 2)] ?? 0,
    maxBytes: weights.at(-1) ?? 0,
    pagesWithScripts: withScripts,
  }
}
