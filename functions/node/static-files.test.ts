import { linkSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Hono } from 'hono'
import { etag } from 'hono/etag'
import { precompressSite } from './precompress.ts'
import { ByteBoundedCache } from './byte-bounded-cache.ts'
import { serveSite } from './static-files.ts'

let root: string
/** The site served as node-server.ts serves it: hono's etag middleware answers the 304s. */
const app = new Hono().use('*', etag()).get('*', (c) => serveSite(c, root))
const serveStatic = (_root: string, path: string, headers: Record<string, string> = {}) =>
  app.request(`http://localhost${path}`, { headers })
let outside: string
const LONG_PAGE = `<h1>企业名录</h1>${'<p>盘锦市某某物业服务有限公司 一般失信 2026-05-10</p>'.repeat(200)}`
beforeAll(async () => {
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
  mkdirSync(join(root, 'penalties'))
  writeFileSync(join(root, 'penalties', 'index.html'), LONG_PAGE)
  await precompressSite(root, null)
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

  it('sends the brotli or gzip sibling the client accepts, with Vary', async () => {
    const br = await serveStatic(root, '/penalties/', { 'Accept-Encoding': 'gzip, deflate, br' })
    expect(br.headers.get('content-encoding')).toBe('br')
    expect(br.headers.get('vary')).toBe('Accept-Encoding')
    expect(br.headers.get('content-type')).toMatch(/text\/html/)
    const bytes = Buffer.from(await br.arrayBuffer())
    expect(bytes.length).toBeLessThan(LONG_PAGE.length / 10)
    expect(brotliDecompressSync(bytes).toString()).toBe(LONG_PAGE)
    const gz = await serveStatic(root, '/penalties/', { 'Accept-Encoding': 'gzip' })
    expect(gz.headers.get('content-encoding')).toBe('gzip')
    expect(gunzipSync(Buffer.from(await gz.arrayBuffer())).toString()).toBe(LONG_PAGE)
    const plain = await serveStatic(root, '/penalties/')
    expect(plain.headers.get('content-encoding')).toBeNull()
    expect(plain.headers.get('vary')).toBe('Accept-Encoding')
    expect(await plain.text()).toBe(LONG_PAGE)
  })

  it('answers a revalidation with 304 and no body, per representation', async () => {
    const first = await serveStatic(root, '/penalties/', { 'Accept-Encoding': 'br' })
    const tag = first.headers.get('etag')!
    expect(tag).toMatch(/^"[0-9a-f]+-[0-9a-f]+"$/)
    expect(first.headers.get('last-modified')).toBeTruthy()
    const again = await serveStatic(root, '/penalties/', {
      'Accept-Encoding': 'br',
      'If-None-Match': tag,
    })
    expect(again.status).toBe(304)
    expect(await again.text()).toBe('')
    expect(again.headers.get('etag')).toBe(tag)
    expect(again.headers.get('cache-control')).toBe('public, max-age=0, must-revalidate')
    // The identity body is another representation with its own validator.
    const plain = await serveStatic(root, '/penalties/')
    expect(plain.headers.get('etag')).not.toBe(tag)
  })

  it('answers HEAD with the headers of GET and no body', async () => {
    const head = await app.request('http://localhost/penalties/', {
      method: 'HEAD',
      headers: { 'Accept-Encoding': 'br' },
    })
    expect(head.status).toBe(200)
    expect(head.headers.get('content-encoding')).toBe('br')
    expect(Number(head.headers.get('content-length'))).toBeGreaterThan(0)
    expect(await head.text()).toBe('')
  })

  it('keeps the validators of a file a rebuild did not change', async () => {
    const next = join(root, '..', 'next')
    mkdirSync(join(next, 'penalties'), { recursive: true })
    writeFileSync(join(next, 'penalties', 'index.html'), LONG_PAGE)
    writeFileSync(join(next, 'index.html'), `<h1>首页</h1>${'<p>新的一天</p>'.repeat(100)}`)
    const report = await precompressSite(next, root)
    expect(report).toMatchObject({ reused: 1, compressed: 1 })
    const before = statSync(join(root, 'penalties', 'index.html.br'))
    const after = statSync(join(next, 'penalties', 'index.html.br'))
    expect(after.ino).toBe(before.ino)
    expect(after.mtimeMs).toBe(before.mtimeMs)
  })

  it('links the siblings of a page a partial build kept (the same file) without reading it', async () => {
    const kept = join(root, '..', 'kept')
    mkdirSync(join(kept, 'penalties'), { recursive: true })
    linkSync(join(root, 'penalties', 'index.html'), join(kept, 'penalties', 'index.html'))
    expect(await precompressSite(kept, root)).toMatchObject({ reused: 1, compressed: 0 })
    for (const suffix of ['.br', '.gz'])
      expect(statSync(join(kept, 'penalties', `index.html${suffix}`)).ino).toBe(
        statSync(join(root, 'penalties', `index.html${suffix}`)).ino
      )
  })
})

describe('the sent-file cache (issue 18)', () => {
  it('answers a repeat with the same bytes and headers, and still honours Range', async () => {
    const ask = () => serveStatic(root, '/penalties/', { 'Accept-Encoding': 'gzip, deflate, br' })
    const first = await ask()
    const firstBody = Buffer.from(await first.arrayBuffer())
    const again = await ask()
    expect([...again.headers]).toEqual([...first.headers])
    expect(Buffer.from(await again.arrayBuffer())).toEqual(firstBody)
    expect(brotliDecompressSync(firstBody).toString()).toBe(LONG_PAGE)
    const part = await serveStatic(root, '/penalties/', { Range: 'bytes=0-3' })
    expect(part.status).toBe(206)
    expect(await part.text()).toBe('<h1>')
  })

  it('serves a newly swapped-in build at once, though the same path was cached', async () => {
    const before = await (await serveStatic(root, '/')).text()
    const previous = root
    root = join(root, '..', 'client-next')
    mkdirSync(root)
    writeFileSync(join(root, 'index.html'), '<h1>首页（新）</h1>')
    try {
      expect(await (await serveStatic(root, '/')).text()).toBe('<h1>首页（新）</h1>')
    } finally {
      root = previous
    }
    expect(await (await serveStatic(root, '/')).text()).toBe(before)
  })
})

describe('ByteBoundedCache', () => {
  it('drops the least recently used entries beyond its bytes, and never holds a larger one', () => {
    const cache = new ByteBoundedCache<string>(10)
    cache.set('a', 'A', 4)
    cache.set('b', 'B', 4)
    expect(cache.get('a')).toBe('A') // a is now the most recent
    cache.set('c', 'C', 4)
    expect([cache.get('a'), cache.get('b'), cache.get('c')]).toEqual(['A', undefined, 'C'])
    expect(cache.bytes).toBe(8)
    cache.set('huge', 'H', 11)
    expect(cache.get('huge')).toBeUndefined()
    cache.set('a', 'A2', 2)
    expect([cache.get('a'), cache.bytes]).toEqual(['A2', 6])
  })
})
