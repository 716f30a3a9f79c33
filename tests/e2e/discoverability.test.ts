import { describe, expect, it } from 'vitest'
import { openPage, url, useBrowser } from '../helpers/e2e.ts'

const ctx = useBrowser()

describe('discoverability and reuse', () => {
  it('lists in the sitemap only pages that answer 200, none of them expired or console pages', async () => {
    const xml = await (await fetch(url('/sitemap.xml'))).text()
    const locs = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname)
    expect(locs.length).toBeGreaterThan(100)
    const expired = ctx.snap.penaltyPages
      .filter((p) => p.state !== 'public')
      .map((p) => `/penalties/${p.id}/`)
    expect(locs.filter((l) => expired.includes(l) || l.startsWith('/admin'))).toEqual([])
    const statuses = await Promise.all(locs.map(async (l) => [l, (await fetch(url(l))).status]))
    expect(statuses.filter(([, s]) => s !== 200)).toEqual([])
    const robots = await (await fetch(url('/robots.txt'))).text()
    expect(robots).toMatch(/Disallow: \/admin\//)
    expect(robots).toMatch(/Sitemap: .*\/sitemap\.xml/)
  })

  it('describes a credit file with schema.org JSON-LD and share-friendly tags', async () => {
    const file = ctx.snap.creditFiles.find((f) => f.subject.uscc && f.rating)!
    const { page, close } = await openPage(ctx.browser, `/enterprises/${file.subject.id}/`)
    const ld = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent())!)
    expect(ld).toMatchObject({
      '@type': 'Organization',
      name: file.subject.name,
      identifier: { value: file.subject.uscc },
    })
    await expect(page.locator('meta[property="og:title"]').getAttribute('content')).resolves.toBe(
      `${file.subject.name}诚信档案`
    )
    await close()
  })

  it('serves every feed as well-formed Atom', async () => {
    const { page, close } = await openPage(ctx.browser, '/feeds/')
    const feeds = await page
      .locator('main a[href$=".xml"]')
      .evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).getAttribute('href')!))
    expect(feeds.length).toBeGreaterThan(1)
    for (const feed of feeds) {
      const xml = await (await fetch(url(feed))).text()
      const root = await page.evaluate((text) => {
        const doc = new DOMParser().parseFromString(text, 'application/xml')
        return doc.querySelector('parsererror')
          ? 'error'
          : `${doc.documentElement.namespaceURI} ${doc.documentElement.localName}`
      }, xml)
      expect(root, feed).toBe('http://www.w3.org/2005/Atom feed')
    }
    // One feed per subject comes from the public API, linked from its credit file.
    const file = ctx.snap.creditFiles.find((f) => f.history.length > 0)!
    await page.goto(url(`/enterprises/${file.subject.id}/`))
    const subjectFeed = await page
      .locator('link[rel="alternate"][type="application/atom+xml"]')
      .getAttribute('href')
    const res = await fetch(url(subjectFeed!))
    expect(res.headers.get('content-type')).toMatch(/application\/atom\+xml/)
    const xml = await res.text()
    expect(xml).toContain(file.history[0]!.about!)
    await close()
  })

  it('advertises its feeds on the home page and list pages, each once', async () => {
    for (const [path, expected] of [
      ['/', ['/feeds/penalties.xml', '/feeds/cases.xml', '/feeds/lists.xml', '/feeds/changes.xml']],
      ['/penalties/', ['/feeds/penalties.xml']],
      ['/cases/', ['/feeds/cases.xml']],
      ['/black-list/', ['/feeds/lists.xml']],
      ['/red-list/', ['/feeds/lists.xml']],
      ['/feeds/', ['/feeds/changes.xml']],
    ] as const) {
      const html = await (await fetch(url(path))).text()
      const hrefs = [
        ...html.matchAll(/<link rel="alternate" type="application\/atom\+xml"[^>]*href="([^"]+)"/g),
      ].map((m) => m[1])
      expect(hrefs, path).toEqual(expected)
    }
  })
})
