import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { serveStatic } from './static-files.ts'

let root: string
let outside: string
beforeAll(() => {
  const base = mkdtempSync(join(tmpdir(), 'static-'))
  root = join(base, 'client')
  outside = join(base, 'secret.txt')
  mkdirSync(join(root, 'enterprises'), { recursive: true })
  writeFileSync(join(root, 'index.html'), '<h1>首页</h1>')
  writeFileSync(join(root, 'enterprises', 'index.html'), '<h1>企业名录</h1>')
  writeFileSync(join(root, '404.html'), '<h1>页面不存在</h1>')
  writeFileSync(outside, 'secret')
  mkdirSync(join(root, 'data'))
  writeFileSync(join(root, 'data', 'penalties.xlsx'), 'PK')
  writeFileSync(join(root, 'sitemap.xml'), '<urlset/>')
})
afterAll(() => rmSync(join(root, '..'), { recursive: true, force: true }))

describe('serveStatic', () => {
  it('serves directory indexes with an HTML content type', async () => {
    const res = await serveStatic(root, '/enterprises/')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/text\/html/)
    expect(await res.text()).toContain('企业名录')
  })

  it('labels spreadsheets, the sitemap and feeds with their own types', async () => {
    expect((await serveStatic(root, '/data/penalties.xlsx')).headers.get('content-type')).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
    )
    expect((await serveStatic(root, '/sitemap.xml')).headers.get('content-type')).toMatch(
      /^application\/xml/
    )
  })

  it('redirects a page URL without its trailing slash', async () => {
    const res = await serveStatic(root, '/enterprises')
    expect(res.status).toBe(308)
    expect(res.headers.get('location')).toBe('/enterprises/')
  })

  it('answers unknown paths with the 404 page and status 404', async () => {
    const res = await serveStatic(root, '/enterprises/91350100M000100Y43/')
    expect(res.status).toBe(404)
    expect(await res.text()).toContain('页面不存在')
  })

  it('never serves files outside the site root', async () => {
    for (const path of [
      '/../secret.txt',
      '/..%2fsecret.txt',
      '/%2e%2e/secret.txt',
      '/%2e%2e%2fsecret.txt',
      '/%',
    ]) {
      const res = await serveStatic(root, path)
      expect(res.status, path).toBe(404)
      expect(await res.text(), path).not.toContain('secret')
    }
  })
})
