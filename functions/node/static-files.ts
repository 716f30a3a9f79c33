import { stat } from 'node:fs/promises'
import { extname, join, normalize, sep } from 'node:path'
import { serveStatic as serveFile } from '@hono/node-server/serve-static'
import type { Context } from 'hono'
import { redirectFor } from '../../db/domain/site-redirects.ts'
import { ByteBoundedCache } from './byte-bounded-cache.ts'
import { COMPRESSIBLE } from './precompress.ts'

/** Our types where they differ from the library's table (feeds are Atom; text says its charset). */
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/atom+xml; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
}

function contentType(file: string): string | undefined {
  // The sitemap is plain XML; every other .xml file is an Atom feed.
  if (file.endsWith(`${sep}sitemap.xml`)) return 'application/xml; charset=utf-8'
  return TYPES[extname(file)]
}

/** Pages, data files and assets up to this size are kept in memory once sent (at most 64 MB). */
const SENT_FILE_MAX_BYTES = 512 * 1024
const sentFiles = new ByteBoundedCache<{
  body: Uint8Array<ArrayBuffer>
  headers: [string, string][]
}>(64 * 1024 * 1024)

/** Which precompressed sibling serveStatic picks for this Accept-Encoding (its own rule). */
function encodingSent(acceptEncoding: string | undefined): string {
  const accepted = new Set(acceptEncoding?.split(',').map((e) => e.trim()))
  return ['br', 'zstd', 'gzip'].find((e) => accepted.has(e)) ?? ''
}

/**
 * One file through @hono/node-server's serveStatic, which picks the precompressed sibling the
 * client accepts (.br, then .gz), answers HEAD and Range, and sets Last-Modified. We add what it
 * leaves out: our content types, Vary on every compressible file, a strong ETag per
 * representation (mtime and size of the file actually sent, as nginx computes it; unchanged files
 * keep both across rebuilds, see precompress.ts) and the cache policy. The 304 itself comes from
 * hono's etag middleware in node-server.ts.
 */
async function sendFile(c: Context, file: string, status: 200 | 404): Promise<Response | null> {
  // A build directory never changes once it is live (a rebuild writes a new one), so what was
  // sent for a file and an encoding is sent again from memory: no stat, no open, no read stream.
  // Ranges and HEAD keep the library's path.
  const cacheable = status === 200 && c.req.method === 'GET' && !c.req.header('Range')
  const key = cacheable ? `${file}\n${encodingSent(c.req.header('Accept-Encoding'))}` : null
  const hit = key ? sentFiles.get(key) : undefined
  if (hit) return new Response(hit.body, { status: 200, headers: hit.headers })
  const res = await sendFileFromDisk(c, file, status)
  if (!key || !res || res.status !== 200) return res
  const length = Number(res.headers.get('Content-Length'))
  if (!(length <= SENT_FILE_MAX_BYTES)) return res
  const body = new Uint8Array(await res.arrayBuffer())
  sentFiles.set(key, { body, headers: [...res.headers] }, body.length)
  return new Response(body, { status: 200, headers: res.headers })
}

async function sendFileFromDisk(
  c: Context,
  file: string,
  status: 200 | 404
): Promise<Response | null> {
  const info = await stat(file).catch(() => null)
  if (!info?.isFile()) return null
  // The library sets its headers on the response it builds before calling onFound, so ours go
  // on that response afterwards; onFound only tells which file (which encoding) was sent.
  let sent = file
  const handler = serveFile({
    path: file,
    precompressed: true,
    onFound: (path) => void (sent = path),
  })
  const res = await handler(c, async () => {})
  if (!res) return null
  const type = contentType(file)
  if (type) res.headers.set('Content-Type', type)
  if (COMPRESSIBLE.has(extname(file))) res.headers.set('Vary', 'Accept-Encoding')
  if (status === 200) {
    const s = sent === file ? info : await stat(sent)
    res.headers.set('ETag', `"${Math.floor(s.mtimeMs).toString(16)}-${s.size.toString(16)}"`)
  } else res.headers.delete('Last-Modified')
  // Hashed assets never change; pages and data must be revalidated so a rebuild shows at once.
  res.headers.set(
    'Cache-Control',
    file.includes(`${sep}_astro${sep}`)
      ? 'public, max-age=31536000, immutable'
      : 'public, max-age=0, must-revalidate'
  )
  return status === 200 ? res : new Response(res.body, { status, headers: res.headers })
}

/**
 * Serve a built site directory the way the Cloudflare asset server does: `/x/` → `/x/index.html`,
 * `/x` → 308 to `/x/` when that page exists, anything else → 404.html with status 404.
 */
export async function serveSite(c: Context, root: string): Promise<Response> {
  const pathname = new URL(c.req.url).pathname
  let decoded: string
  try {
    decoded = decodeURIComponent(pathname)
  } catch {
    decoded = ''
  }
  const moved = redirectFor(pathname)
  if (moved)
    return new Response(null, { status: moved.status, headers: { Location: moved.location } })
  const path = normalize(join(root, decoded))
  // Refuse traversal outside the site root (../, %2e%2e/, encoded separators).
  if (decoded && (path === root || path.startsWith(root + sep))) {
    const target = decoded.endsWith('/') ? join(path, 'index.html') : path
    const found = await sendFile(c, target, 200)
    if (found) return found
    if (!decoded.endsWith('/') && !extname(decoded)) {
      const info = await stat(join(path, 'index.html')).catch(() => null)
      if (info?.isFile())
        return new Response(null, { status: 308, headers: { Location: `${pathname}/` } })
    }
  }
  return (
    (await sendFile(c, join(root, '404.html'), 404)) ??
    new Response('Not Found', {
      status: 404,
      headers: { 'Content-Type': 'text/plain; charset=utf-8' },
    })
  )
}
