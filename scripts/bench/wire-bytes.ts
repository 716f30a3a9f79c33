import { request } from 'node:http'

type Raw = { status: number; bodyBytes: number; etag: string | null; encoding: string | null }

/** One GET as it crosses the wire: the body's bytes before any decoding. */
function rawGet(url: string, headers: Record<string, string>): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers }, (res) => {
      let bodyBytes = 0
      res.on('data', (chunk: Buffer) => (bodyBytes += chunk.length))
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          bodyBytes,
          etag: (res.headers.etag as string | undefined) ?? null,
          encoding: (res.headers['content-encoding'] as string | undefined) ?? null,
        })
      )
    })
    req.on('error', reject)
    req.end()
  })
}

export type WireBytes = {
  label: string
  files: number
  /** Without compression: what every response cost before precompression (issue 14). */
  identityBytes: number
  gzipBytes: number
  /** What Chromium gets (it accepts br). */
  brBytes: number
  /** A revalidation with the ETags of the br answers: body bytes of the 304s. */
  revalidateBytes: number
  revalidateStatuses: number[]
}

/** The scripts and stylesheets a page loads from the site itself (Astro's hashed files). */
export async function pageAssets(base: string, path: string): Promise<string[]> {
  const html = await (await fetch(`${base}${path}`)).text()
  const refs = [...html.matchAll(/(?:src|href)="(\/_astro\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]!)
  return [path, ...new Set(refs)]
}

/** Bytes on the wire for a set of paths, uncompressed, gzip, brotli, and revalidated. */
export async function wireBytes(base: string, label: string, paths: string[]): Promise<WireBytes> {
  const out: WireBytes = {
    label,
    files: paths.length,
    identityBytes: 0,
    gzipBytes: 0,
    brBytes: 0,
    revalidateBytes: 0,
    revalidateStatuses: [],
  }
  for (const path of paths) {
    const url = `${base}${path}`
    out.identityBytes += (await rawGet(url, { 'Accept-Encoding': 'identity' })).bodyBytes
    out.gzipBytes += (await rawGet(url, { 'Accept-Encoding': 'gzip' })).bodyBytes
    const br = await rawGet(url, { 'Accept-Encoding': 'gzip, deflate, br, zstd' })
    out.brBytes += br.bodyBytes
    const again = await rawGet(url, {
      'Accept-Encoding': 'gzip, deflate, br, zstd',
      ...(br.etag ? { 'If-None-Match': br.etag } : {}),
    })
    out.revalidateBytes += again.bodyBytes
    out.revalidateStatuses.push(again.status)
  }
  return out
}
