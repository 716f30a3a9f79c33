import type { Server } from 'node:http'
import { serve } from '@hono/node-server'
import { getConnInfo } from '@hono/node-server/conninfo'
import { Hono, type Context } from 'hono'
import { compress } from 'hono/compress'
import { etag } from 'hono/etag'
import { createApp } from '../app.ts'
import type { AppDeps } from '../context.ts'
import type { SiteBuilder } from './site-builder.ts'
import { ADMIN_PAGE_HEADERS, SITE_HEADERS } from '../../db/domain/site-headers.ts'
import { accessLog, type AccessLogLine } from './access-log.ts'
import { createProxyTrust } from './client-address.ts'
import { serveSite } from './static-files.ts'
import { createSnapshotLoader } from './snapshot-loader.ts'
import { allowMethods } from '../middleware/methods.ts'

// Shown only until the very first build of a new installation has finished.
const BUILDING_PAGE = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><meta http-equiv="refresh" content="10">
<title>站点正在生成</title></head><body>
<h1>站点正在生成</h1><p>信用信息公示页面正在生成，本页面将在10秒后自动刷新。</p></body></html>`

export type NodeServerOptions = {
  /** TRUSTED_PROXIES: addresses/CIDRs of reverse proxies whose X-Forwarded-For is believed. */
  trustedProxies?: string
  /** Where access-log lines go (stdout when unset; tests collect them). */
  log?: ((line: AccessLogLine) => void) | false
}

type NodeEnv = { Variables: { clientAddress: string; protocol: 'http' | 'https' | null } }

/**
 * The self-hosted runtime: the Hono API under /api/ and the live static build for everything
 * else. The static root is looked up per request, so a swapped-in build is served at once.
 */
export function createNodeApp(builder: SiteBuilder, deps: AppDeps, opts: NodeServerOptions = {}) {
  const api = createApp({
    ...deps,
    // The builder's database is the one the API publishes from; its snapshots load off this thread.
    loadSnapshot: deps.loadSnapshot ?? createSnapshotLoader(builder.env),
    siteBuild: () => builder.state,
  })
  const proxies = createProxyTrust(opts.trustedProxies ?? '')
  const app = new Hono<NodeEnv>().use('*', async (c, next) => {
    const peer = getConnInfo(c).remote.address
    c.set('clientAddress', proxies.address(peer, c.req.raw.headers))
    c.set('protocol', proxies.protocol(peer, c.req.raw.headers))
    await next()
  })
  if (opts.log !== false)
    app.use(
      '*',
      accessLog((c) => (c as Context<NodeEnv>).get('clientAddress'), opts.log)
    )
  return (
    app
      .use('/api/*', allowMethods('GET', 'HEAD', 'POST'))
      // The API's answers are built per request: gzip them on the fly (hono's compress has no
      // brotli); the static site is precompressed with both at build time. No per-request ETag
      // here: hashing every answer cost 8 % of public-read throughput (measured), and public
      // reads are cached 60 s anyway; issue 18 serialises them once per build instead.
      .use('/api/*', compress())
      .all('/api/*', (c) => {
        // The API takes the client's address from this binding (functions/client-ip.ts): always
        // the one this server resolved, never a header the client sent.
        const env = { clientAddress: c.get('clientAddress') }
        const protocol = c.get('protocol')
        if (!protocol) return api.fetch(c.req.raw, env)
        // Behind a TLS-terminating proxy the API sees the URL the client used, so a write's
        // Origin matches and the session cookie is Secure.
        const url = new URL(c.req.url)
        url.protocol = protocol
        const { method, headers, body, signal } = c.req.raw
        // undici needs duplex 'half' to pass a streamed body on; the DOM typings lack the field.
        const init = { method, headers, body, signal, duplex: 'half' } as RequestInit
        return api.fetch(new Request(url, init), env)
      })
      // The static site is read-only: GET and HEAD, nothing else (C7).
      .use('*', allowMethods('GET', 'HEAD'))
      .use('*', etag())
      .get('*', async (c) => {
        const root = await builder.liveClientDir()
        if (!root) return c.html(BUILDING_PAGE, 503, { 'Retry-After': '10' })
        const res = await serveSite(c, root)
        res.headers.set('X-Request-Id', crypto.randomUUID())
        for (const [k, v] of Object.entries(SITE_HEADERS)) res.headers.set(k, v)
        if (new URL(c.req.url).pathname.startsWith('/admin'))
          for (const [k, v] of Object.entries(ADMIN_PAGE_HEADERS)) res.headers.set(k, v)
        return res
      })
  )
}

export type Listening = {
  port: number
  server: Server
  /** Stop accepting connections; resolves once every in-flight request has been answered. */
  close: () => Promise<void>
}

/** Listen on `port` (0 = any free port); resolves with the bound port. */
export function listen(app: Hono<never> | Hono<NodeEnv>, port: number, hostname = '127.0.0.1') {
  return new Promise<Listening>((resolve) => {
    const server = serve({ fetch: app.fetch, port, hostname }, (info) =>
      resolve({
        port: info.port,
        server: server as Server,
        close: () =>
          new Promise<void>((done) => {
            // Keep-alive connections hold close() open: drop each one as soon as it is idle,
            // that is as soon as the request it was serving has been answered.
            const idle = setInterval(() => (server as Server).closeIdleConnections(), 50)
            server.close(() => {
              clearInterval(idle)
              done()
            })
            ;(server as Server).closeIdleConnections()
          }),
      })
    )
  })
}
