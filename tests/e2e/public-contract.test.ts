import { describe, expect, it } from 'vitest'
import { url, useBrowser } from '../helpers/e2e.ts'

const ctx = useBrowser()

/** Every public URL of DESIGN.md §4 (admin and API aside), with a real example for each pattern. */
function contractUrls(): string[] {
  const file = ctx.snap.creditFiles.find((f) => f.penalties.length)!
  return [
    '/',
    '/enterprises/',
    `/enterprises/${file.subject.id}/`,
    `/enterprises/${file.subject.id}/report/`,
    '/penalties/',
    `/penalties/${file.penalties[0]!.id}/`,
    '/red-list/',
    '/black-list/',
    '/cases/',
    `/cases/${ctx.snap.cases[0]!.id}/`,
    '/supervision/',
    '/search/',
    '/data/',
    '/feeds/',
  ]
}

describe('the public contract', () => {
  it('serves every public URL with 200 and <html lang="zh-CN">, marked 示例数据', async () => {
    for (const path of contractUrls()) {
      const res = await fetch(url(path))
      expect(res.status, path).toBe(200)
      const html = await res.text()
      expect(html, path).toMatch(/<html lang="zh-CN"/)
      expect(html, path).toContain('示例数据')
      expect(html, path).toContain('网站标识码')
    }
  })

  it('answers an unknown USCC with the 404 page', async () => {
    const res = await fetch(url('/enterprises/91350100M000100Y43/'))
    expect(res.status).toBe(404)
    expect(await res.text()).toContain('页面不存在')
  })

  it('serves open data as CSV with a BOM and the 双公示 column names, and feeds as Atom', async () => {
    const csv = await fetch(url('/data/penalties.csv'))
    const bytes = new Uint8Array(await csv.arrayBuffer())
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const text = new TextDecoder().decode(bytes)
    expect(text).toContain('行政相对人名称,行政相对人类别')
    expect(text.trim().split('\n')).toHaveLength(ctx.snap.penalties.length + 1)
    const feed = await (await fetch(url('/feeds/penalties.xml'))).text()
    expect(feed).toMatch(/<feed xmlns="http:\/\/www.w3.org\/2005\/Atom"/)
  })

  it('never links an unpublished record from a page', async () => {
    const html = await (await fetch(url('/penalties/'))).text()
    const listed = [...html.matchAll(/href="\/penalties\/(\d+)\/"/g)].map((m) => Number(m[1]))
    expect(listed.sort()).toEqual(
      ctx.snap.penalties
        .slice(0, 30)
        .map((p) => p.id)
        .sort()
    )
  })
})
