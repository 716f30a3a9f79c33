/**
 * Permanent redirects of the public site: published URLs are forever (DESIGN §4), so a page that
 * moves keeps its old address. Served by the Node static server and written as Cloudflare's
 * `_redirects` file by the build, from this one list. `:name` matches one path segment.
 */
export const SITE_REDIRECTS: { from: string; to: string; status: 301 | 308 }[] = [
  // The printable credit report is the credit file itself (print styles and its verification
  // block): one static file per subject instead of two (issue 6, docs/scale.md).
  { from: '/enterprises/:id/report/', to: '/enterprises/:id/#report', status: 301 },
]

const SEGMENT = /^:[a-z]+$/

/** The redirect for a request path, or null. */
export function redirectFor(pathname: string): { location: string; status: number } | null {
  const parts = pathname.split('/')
  for (const rule of SITE_REDIRECTS) {
    const pattern = rule.from.split('/')
    if (pattern.length !== parts.length) continue
    const values: Record<string, string> = {}
    const matches = pattern.every((p, i) => {
      if (SEGMENT.test(p)) {
        values[p] = parts[i]!
        return parts[i] !== ''
      }
      return p === parts[i]
    })
    if (!matches) continue
    const location = rule.to.replace(/:[a-z]+/g, (name) => values[name] ?? name)
    return { location, status: rule.status }
  }
  return null
}

/** Cloudflare's `_redirects` file for the same rules. */
export function cloudflareRedirectsFile(): string {
  return SITE_REDIRECTS.map((r) => `${r.from} ${r.to} ${r.status}\n`).join('')
}
