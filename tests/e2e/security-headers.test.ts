import { request, type IncomingHttpHeaders } from 'node:http'
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

describe('C5 nothing admin-side exposed on the public site', () => {
  it('answers 404 for repository, configuration and source-map probes, and ships no source maps', async () => {
    const probes = [
      '/.git/config',
      '/.git/HEAD',
      '/.env',
      '/.env.local',
      '/wrangler.toml',
      '/wrangler.toml',
      '/wrangler.json',
      '/package.json',
      '/package-lock.json',
      '/data/local.db',
      '/data/pepper',
      '/_astro/',
      '/server/entry.mjs',
      '/api',
      '/api/',
      '/api/v1/',
    ]
    for (const path of probes) expect((await fetch(url(path))).status, path).toBe(404)
    // Every script the site loads: none points at a source map, and no map is served beside it.
    const home = await (await fetch(url('/search/'))).text()
    const scripts = [...home.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => m[1]!)
    expect(scripts.length).toBeGreaterThan(0)
    for (const src of scripts) {
      const js = await (await fetch(url(src))).text()
      expect(js, src).not.toMatch(/sourceMappingURL/)
      expect((await fetch(url(`${src}.map`))).status, `${src}.map`).toBe(404)
    }
  })
})

describe('C7 method and verb control', () => {
  it('answers 405 with Allow to TRACE, PUT, DELETE and preflights, on pages and on the API', async () => {
    for (const [path, allow] of [
      ['/', 'GET, HEAD'],
      ['/penalties/', 'GET, HEAD'],
      ['/api/v1/public/penalties', 'GET, HEAD, POST'],
      ['/api/v1/auth/login', 'GET, HEAD, POST'],
    ] as const) {
      for (const method of ['TRACE', 'PUT', 'DELETE', 'PATCH', 'OPTIONS']) {
        const res = await rawRequest(method, url(path), {
          Origin: 'https://evil.example',
          'Access-Control-Request-Method': 'POST',
        })
        expect(res.status, `${method} ${path}`).toBe(405)
        expect(res.headers.allow).toBe(allow)
        expect(res.headers['access-control-allow-origin']).toBeUndefined()
      }
    }
  })
})

/** fetch() refuses TRACE; node:http sends any method. */
function rawRequest(method: string, target: string, headers: Record<string, string>) {
  return new Promise<{ status: number; headers: IncomingHttpHeaders }>((done, fail) => {
    const req = request(target, { method, headers }, (res) => {
      res.resume()
      res.on('end', () => done({ status: res.statusCode!, headers: res.headers }))
    })
    req.on('error', fail)
    req.end()
  })
}
