import type { Context } from 'hono'

/**
 * Public reads answer from a snapshot that does not change while it is cached, so an answer is
 * serialised once per snapshot and key, and gzipped once for the clients that accept it, not
 * per request (issue 18: the JSON serialisation and the on-the-fly gzip were most of a
 * credit-file read). Kept beside the snapshot in a WeakMap: a new snapshot starts empty and an
 * old one's answers go with it. At most MAX answers per snapshot, oldest dropped first.
 */
const MAX = 4096
type Answer = { bytes: Uint8Array; gzip: Promise<Uint8Array> | null }
const answers = new WeakMap<object, Map<string, Answer>>()

// hono's compress threshold: smaller answers are not worth a gzip header.
const GZIP_FROM_BYTES = 1024

/** Accept-Encoding names gzip without refusing it (q=0). */
export function acceptsGzip(header: string | undefined): boolean {
  if (!header) return false
  return header.split(',').some((part) => {
    const [name, ...params] = part.trim().toLowerCase().split(';')
    if (name !== 'gzip' && name !== '*') return false
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='))
    return !q || Number(q.slice(2)) > 0
  })
}

async function gzip(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([bytes as Uint8Array<ArrayBuffer>])
    .stream()
    .pipeThrough(new CompressionStream('gzip'))
  return new Uint8Array(await new Response(stream).arrayBuffer())
}

/** `build()`'s value as JSON, from the cache when this snapshot already answered `key`. */
export async function cachedJson(
  c: Context,
  snap: object,
  key: string,
  build: () => unknown
): Promise<Response> {
  let cache = answers.get(snap)
  if (!cache) answers.set(snap, (cache = new Map()))
  let answer = cache.get(key)
  if (!answer) {
    answer = { bytes: new TextEncoder().encode(JSON.stringify(build())), gzip: null }
    cache.set(key, answer)
    if (cache.size > MAX) cache.delete(cache.keys().next().value!)
  }
  const headers: Record<string, string> = {
    'Content-Type': 'application/json',
    Vary: 'Accept-Encoding',
  }
  if (answer.bytes.length >= GZIP_FROM_BYTES && acceptsGzip(c.req.header('Accept-Encoding'))) {
    answer.gzip ??= gzip(answer.bytes)
    const body = await answer.gzip
    return c.body(body as Uint8Array<ArrayBuffer>, 200, { ...headers, 'Content-Encoding': 'gzip' })
  }
  return c.body(answer.bytes as Uint8Array<ArrayBuffer>, 200, headers)
}
