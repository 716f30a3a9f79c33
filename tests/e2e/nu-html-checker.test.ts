import { execFile } from 'node:child_process'
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { createRequire } from 'node:module'
import { join, relative, resolve } from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { url, useBrowser } from '../helpers/e2e.ts'

const run = promisify(execFile)
const require = createRequire(import.meta.url)
const VNU = require.resolve('vnu-jar/build/dist/vnu.jar')
const ADMIN_PAGES = resolve(import.meta.dirname, '../../site/pages/admin')

/** Every console page, from the source tree: /admin/…/ for each index.astro. */
function consolePages(dir = ADMIN_PAGES): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? consolePages(join(dir, e.name))
      : e.name === 'index.astro'
        ? [`/admin/${relative(ADMIN_PAGES, dir)}/`.replace(/\/+/g, '/')]
        : []
  )
}

/** The sitemap's paths, one per template: ids and page numbers stand for any value. */
async function publicTemplates(): Promise<string[]> {
  const sitemap = await (await fetch(url('/sitemap.xml'))).text()
  const byTemplate = new Map<string, string>()
  for (const m of sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)) {
    const path = new URL(m[1]!).pathname
    const template = path.replace(/\/[0-9A-Z]{6,}\//g, '/:id/').replace(/\/\d+\//g, '/:n/')
    if (!byTemplate.has(template)) byTemplate.set(template, path)
  }
  return [...byTemplate.values()]
}

/**
 * The W3C Nu HTML Checker (vnu.jar, the reference validator; Java from Debian's
 * default-jre-headless) over one built instance of every page template, public and console:
 * zero errors. html-validate (links-and-html.test.ts) checks style rules besides.
 */
describe('Nu HTML Checker', () => {
  const ctx = useBrowser()

  it('reports no error on any page template', async () => {
    const withRecords = ctx.snap.creditFiles.find((f) => f.penalties.length && f.listEntries.length)
    const withdrawn = ctx.snap.penaltyPages.find((p) => p.state === 'withdrawn')
    if (!withRecords || withdrawn?.state !== 'withdrawn')
      throw new Error('fixture lacks a credit file with records or a withdrawn penalty')
    const pages = [
      ...(await publicTemplates()),
      `/enterprises/${withRecords.subject.id}/`,
      `/penalties/${withdrawn.penalty.id}/`,
      '/no-such-page/',
      '/search/?q=物业',
      '/compare/',
      '/verify/',
      '/complaints/new/',
      '/complaints/track/',
      '/objections/new/',
      '/repair/apply/',
      ...consolePages(),
    ]
    expect(pages.length).toBeGreaterThan(40)
    // Saved as files, so the 404 page is checked like any other (vnu refuses a 404 URL).
    const dir = mkdtempSync(join(tmpdir(), 'vnu-'))
    const files = new Map<string, string>()
    for (const [i, path] of pages.entries()) {
      const file = join(dir, `${i}.html`)
      writeFileSync(file, await (await fetch(url(path))).text())
      files.set(`file:${file}`, path)
    }
    const { stdout, stderr } = await run(
      'java',
      ['-jar', VNU, '--errors-only', '--format', 'json', '--stdout', ...files.keys()].map((a) =>
        a.startsWith('file:') ? a.slice(5) : a
      ),
      { maxBuffer: 32 * 1024 * 1024 }
    ).catch((err: { stdout: string; stderr: string }) => err)
    rmSync(dir, { recursive: true, force: true })
    const messages = (
      JSON.parse(stdout || stderr || '{"messages":[]}') as {
        messages: { type: string; url: string; lastLine?: number; message: string }[]
      }
    ).messages
    const errors = messages
      .filter((m) => m.type === 'error' || m.type === 'non-document-error')
      .map((m) => `${files.get(m.url) ?? m.url}:${m.lastLine ?? 0} ${m.message}`)
    expect(errors).toEqual([])
  })
})
