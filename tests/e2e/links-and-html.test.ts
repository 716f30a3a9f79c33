import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { HtmlValidate } from 'html-validate'
import { LinkChecker } from 'linkinator'
import { describe, expect, it } from 'vitest'
import { url } from '../helpers/e2e.ts'

/*
 * Security matrix L5 (政府网站检查指标: 链接可用性): no broken internal link anywhere on the built
 * site, and every page template valid HTML under html-validate's recommended rules (the project's
 * .htmlvalidate.json); the reference validator, vnu.jar, runs in nu-html-checker.test.ts. Three
 * rules are relaxed
 * there: `role="region"` on scrollable table wrappers is the accessible pattern (a focusable,
 * labelled scroll area); trailing whitespace is Astro's compressed output, not our source; and a
 * title's 70-character advice (a search-engine habit, not validity) cannot hold for a company's
 * full legal name, which the title must carry.
 */
const CONFIG = JSON.parse(
  readFileSync(resolve(import.meta.dirname, '../../.htmlvalidate.json'), 'utf8')
)

describe('L5 links and HTML validity', () => {
  it('has no broken internal link, following every page from the home page', async () => {
    const base = url('/')
    const result = await new LinkChecker().check({
      path: base,
      recurse: true,
      concurrency: 16,
      // Only our own pages; the API and console are reached by scripts, not links.
      linksToSkip: async (link) => !link.startsWith(base) || link.startsWith(url('/api/')),
    })
    const broken = result.links
      .filter((l) => l.state === 'BROKEN')
      .map((l) => `${l.url} (${l.status}) from ${l.parent}`)
    expect(broken).toEqual([])
    expect(result.links.filter((l) => l.state === 'OK').length).toBeGreaterThan(300)
  })

  it('serves valid HTML on every page template, public and console', async () => {
    const sitemap = await (await fetch(url('/sitemap.xml'))).text()
    const locs = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname)
    // One page of each kind the sitemap lists (the first path segment), plus pages it leaves out.
    const byKind = new Map<string, string>()
    for (const path of locs) {
      const kind = path
        .split('/')
        .slice(0, path.split('/').length > 3 ? 3 : 2)
        .join('/')
      if (!byKind.has(kind)) byKind.set(kind, path)
    }
    const pages = [
      ...byKind.values(),
      '/search/?q=物业',
      '/compare/',
      '/no-such-page/',
      '/admin/login/',
      '/admin/dashboard/',
      '/admin/enrol/',
      '/admin/password/',
      '/admin/penalties/new/',
      '/admin/cases/new/',
      '/admin/audit/',
      '/admin/users/',
    ]
    const validator = new HtmlValidate(CONFIG)
    const errors: string[] = []
    for (const path of pages) {
      const html = await (await fetch(url(path))).text()
      const report = await validator.validateString(html, path)
      for (const r of report.results)
        for (const m of r.messages)
          errors.push(`${path}:${m.line}:${m.column} ${m.ruleId} ${m.message}`)
    }
    expect(pages.length).toBeGreaterThan(20)
    expect(errors).toEqual([])
  })
})
