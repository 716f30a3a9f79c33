import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import { extname, join, normalize, sep } from 'node:path'
import { Readable } from 'node:stream'
import { redirectFor } from '../../db/domain/site-redirects.ts'

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
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
  '.woff2': 'font/woff2',
}

async function fileResponse(path: string, status = 200): Promise<Response | null> {
  const info = await stat(path).catch(() => null)
  if (!info?.isFile()) return null
  // Feeds are Atom; the sitemap is plain XML.
  const type = path.endsWith(`${sep}sitemap.xml`)
    ? 'application/xml; charset=utf-8'
    : (TYPES[extname(path)] ?? 'application/octet-stream')
  // Hashed assets never change; pages and data must be revalidated so a rebuild shows at once.
  const cache = path.includes(`${sep}_astro${sep}`)
    ? 'public, max-age=31536000, immutable'
    : 'public, max-age=0, must-revalidate'
  const body = Readable.toWeb(createReadStream(path)) as ReadableStream
  return new Response(body, {
    status,
    headers: { 'Content-Type': type, 'Content-Length': String(info.size), 'Cache-Control': cache },
  })
}

/**
 * Serve a built site directory the way the Cloudflare asset server does: `/x/` → `/x/index.html`,
 * `/x` → 308 to `/x/` when that page exists, anything else → 404.html with status 404.
 */
export async function serveStatic(root: string, pathname: string): Promise<Response> {
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
    const found = await fileResponse(target)
    if (found) return found
    if (!decoded.endsWith('/') && !extname(decoded)) {
      const info = await stat(join(path, 'index.html')).catch(() => null)
      if (info?.isFile())
        return new Response(null, { status: 308, headers: { Location: `${pathname}/` } })
    }
  }
  return (
    (await fileResponse(join(root, '404.html'), 404)) ??
    new Response('Not Found', {
      status: 404,
      headers: { 'Content-Type': 'text/plain; charset=utf-8' },
    })
  )
}
