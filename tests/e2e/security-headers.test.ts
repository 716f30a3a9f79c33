import { describe, expect, it } from 'vitest'
import { CONTENT_SECURITY_POLICY } from '../../db/domain/site-headers.ts'
import { openPage, url, useBrowser } from '../helpers/e2e.ts'

const ctx = useBrowser()

describe('J security headers on the static site', () => {
  it('sends the policy on every template, no-store on console pages, and breaks nothing under CSP', async () => {
    const file = ctx.snap.creditFiles.find((f) => f.penalties.length > 0)!
    const pages = [
      '/',
      `/enterprises/${file.subject.id}/`,
      `/enterprises/${file.subject.id}/report/`,
      `/penalties/${file.penalties[0]!.id}/`,
      `/search/?q=${encodeURIComponent(file.subject.name)}`,
      '/compare/',
      '/data/',
      '/admin/',
      '/no-such-page/',
    ]
    for (const path of pages) {
      const res = await fetch(url(path))
      expect(res.headers.get('content-security-policy'), path).toBe(CONTENT_SECURITY_POLICY)
      expect(res.headers.get('x-content-type-options'), path).toBe('nosniff')
      expect(res.headers.get('strict-transport-security'), path).toMatch(/max-age=31536000/)
      expect(res.headers.get('referrer-policy'), path).toBe('strict-origin-when-cross-origin')
      if (path.startsWith('/admin')) expect(res.headers.get('cache-control')).toBe('no-store')
      // Nothing inline for the CSP to block: scripts and styles are files (JSON-LD is data).
      const html = await res.text()
      expect(
        html.match(/<script(?![^>]*\s(src=|type="application\/ld\+json"))[^>]*>/g),
        path
      ).toBeNull()
      expect(html.match(/<style\b|\sstyle="/g), path).toBeNull()
    }
    // Search (Pagefind's WebAssembly) and the console login work with the policy enforced.
    const violations: string[] = []
    const search = await openPage(ctx.browser, pages[4]!)
    search.page.on('console', (m) => {
      if (m.text().includes('Content Security Policy')) violations.push(m.text())
    })
    await search.page.locator('#search-results li').first().waitFor()
    await search.close()
    const login = await openPage(ctx.browser, '/admin/')
    login.page.on('console', (m) => {
      if (m.text().includes('Content Security Policy')) violations.push(m.text())
    })
    await login.page.getByLabel('用户名').waitFor()
    await login.close()
    expect(violations).toEqual([])
  })
})
