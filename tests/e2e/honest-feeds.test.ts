import { describe, expect, it } from 'vitest'
import { url } from '../helpers/e2e.ts'

type Entry = { title: string; path: string }

async function entries(feedPath: string): Promise<Entry[]> {
  const xml = await (await fetch(url(feedPath))).text()
  return [...xml.matchAll(/<entry>([\s\S]*?)<\/entry>/g)].map((m) => ({
    title: /<title[^>]*>(?:<!\[CDATA\[)?([\s\S]*?)(?:\]\]>)?<\/title>/.exec(m[1]!)![1]!,
    path: new URL(/<link href="([^"]+)"/.exec(m[1]!)![1]!).pathname,
  }))
}

/**
 * Issue 15: a feed never announces a publication that no page carries. Every 公示 line of the
 * change feed and of each district feed links to a page that shows the record, or the same feed
 * also says the record left view afterwards (期满停止公示, 撤回, 信用修复).
 */
describe('honest change feeds', () => {
  it('announce no publication whose page is only a notice, unless they also announce its end', async () => {
    const index = await (await fetch(url('/feeds/'))).text()
    const feeds = [
      '/feeds/changes.xml',
      ...new Set([...index.matchAll(/href="(\/feeds\/districts\/[^"]+\.xml)"/g)].map((m) => m[1]!)),
    ]
    expect(feeds.length).toBeGreaterThan(3)
    let checked = 0
    const problems: string[] = []
    for (const feed of feeds) {
      const lines = await entries(feed)
      // Lines about records with a page of their own (penalties, cases, subjects); the others
      // link to the home page.
      const about = (l: Entry) => l.title.replace(/^[^：]+：/, '')
      for (const line of lines.filter((l) => l.title.startsWith('公示：') && l.path !== '/')) {
        const page = await fetch(url(line.path))
        const html = await page.text()
        checked++
        const bare = page.status !== 200 || /<meta name="robots" content="noindex/.test(html)
        const ended = lines.some(
          (l) => about(l) === about(line) && /^(期满停止公示|撤回|信用修复)：/.test(l.title)
        )
        if (bare && !ended) problems.push(`${feed}: “${line.title}” → ${line.path} is a notice`)
      }
    }
    expect(checked).toBeGreaterThan(0)
    expect(problems).toEqual([])
  })
})
