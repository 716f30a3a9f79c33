import { serve } from '@hono/node-server'
import { Hono } from 'hono'
import { createApp } from '../app.ts'
import type { SiteBuilder } from './site-builder.ts'
import { serveStatic } from './static-files.ts'

/**
 * The self-hosted runtime: the Hono API under /api/v1 and the live static build for everything
 * else. The static root is looked up per request, so a swapped-in build is served at once.
 */
export function createNodeApp(builder: SiteBuilder) {
  const api = createApp()
  return new Hono()
    .get('/api/v1/site/build', (c) => c.json(builder.state))
    .all('/api/*', (c) => api.fetch(c.req.raw))
    .get('*', async (c) => {
      const root = await builder.liveClientDir()
      if (!root) {
        return c.text('站点正在生成，请稍后刷新。', 503, { 'Retry-After': '10' })
      }
      return serveStatic(root, new URL(c.req.url).pathname)
    })
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
