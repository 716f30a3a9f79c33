import { serve } from '@hono/node-server'
import { getConnInfo } from '@hono/node-server/conninfo'
import { Hono } from 'hono'
import { createApp } from '../app.ts'
import type { AppDeps } from '../context.ts'
import type { SiteBuilder } from './site-builder.ts'
import { ADMIN_PAGE_HEADERS, SITE_HEADERS } from '../../db/domain/site-headers.ts'
import { serveStatic } from './static-files.ts'
import { allowMethods } from '../middleware/methods.ts'

// Shown only until the very first build of a new installation has finished.
const BUILDING_PAGE = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><meta http-equiv="refresh" content="10">
<title>站点正在生成</title></head><body>
<h1>站点正在生成</h1><p>信用信息公示页面正在生成，本页面将在10秒后自动刷新。</p></body></html>`

/**
 * The self-hosted runtime: the Hono API under /api/ and the live static build for everything
 * else. The static root is looked up per request, so a swapped-in build is served at once.
 */
export function createNodeApp(builder: SiteBuilder, deps: AppDeps) {
  const api = createApp({ ...deps, siteBuild: () => builder.state })
  return (
    new Hono()
      .use('/api/*', allowMethods('GET', 'HEAD', 'POST'))
      .all('/api/*', (c) => {
        // This server is the edge: the client's address is the socket's, never a header the
        // client sent (audit rows and the login throttle rely on it).
        const headers = new Headers(c.req.raw.headers)
        headers.delete('CF-Connecting-IP')
        headers.set('X-Forwarded-For', getConnInfo(c).remote.address ?? 'unknown')
        return api.fetch(new Request(c.req.raw, { headers }))
      })
      // The static site is read-only: GET and HEAD, nothing else (C7).
      .use('*', allowMethods('GET', 'HEAD'))
      .get('*', async (c) => {
        const root = await builder.liveClientDir()
        if (!root) return c.html(BUILDING_PAGE, 503, { 'Retry-After': '10' })
        const pathname = new URL(c.req.url).pathname
        const res = await serveStatic(root, pathname)
        for (const [k, v] of Object.entries(SITE_HEADERS)) res.headers.set(k, v)
        if (pathname.startsWith('/admin'))
          for (const [k, v] of Object.entries(ADMIN_PAGE_HEADERS)) res.headers.set(k, v)
        return res
      })
  )
}

/** Listen on `port` (0 = any free port); resolves with the bound port. */
export function listen(
  app: Hono,
  port: number,
  hostname = '127.0.0.1'
): Promise<{ port: number; close: () => void }> {
  return new Promise((resolve) => {
    const server = serve({ fetch: app.fetch, port, hostname }, (info) =>
      resolve({ port: info.port, close: () => server.close() })
    )
  })
}
