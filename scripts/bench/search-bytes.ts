import { gzipSync } from 'node:zlib'
import { chromium } from 'playwright-core'
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../chromium.ts'

export type SearchCost = {
  query: string
  label: string
  results: number
  requests: number
  rawBytes: number
  gzipBytes: number
}

/**
 * What a first search costs a browser with an empty cache: every response of the search page's
 * load and the query (page, CSS, scripts, WebAssembly, index shards, fragments), raw and as gzip
 * would send it (the Node server does not compress; Cloudflare does).
 */
export async function measureSearches(
  baseUrl: string,
  queries: { label: string; query: string }[]
): Promise<SearchCost[]> {
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS })
  try {
    const out: SearchCost[] = []
    for (const { label, query } of queries) {
      const context = await browser.newContext()
      const page = await context.newPage()
      const bodies: Promise<Buffer | null>[] = []
      page.on('response', (res) => bodies.push(res.body().catch(() => null)))
      await page.goto(`${baseUrl}/search/?q=${encodeURIComponent(query)}`)
      await page.waitForFunction(() => {
        const status = document.getElementById('search-status')?.textContent ?? ''
        return status !== '' && !status.startsWith('正在搜索')
      })
      const results = await page.locator('#search-results li').count()
      const done = (await Promise.all(bodies)).filter((b): b is Buffer => b !== null)
      out.push({
        label,
        query,
        results,
        requests: done.length,
        rawBytes: done.reduce((n, b) => n + b.length, 0),
        gzipBytes: done.reduce((n, b) => n + gzipSync(b).length, 0),
      })
      await context.close()
    }
    return out
  } finally {
    await browser.close()
  }
}
