/**
 * The HTTP headers every page of the public site and console carries (security matrix, section
 * J): served by the Node server and written as Cloudflare's `_headers` file by the build, from this
 * one list. Scripts and styles are external files only (no inline script, so no hash is needed);
 * Pagefind's search index runs as WebAssembly, hence 'wasm-unsafe-eval'.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ')

export const SITE_HEADERS: Record<string, string> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'Strict-Transport-Security': 'max-age=31536000; includeSubDomains',
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=()',
}

/** Console pages hold nothing secret themselves, but no shared cache should keep them. */
export const ADMIN_PAGE_HEADERS: Record<string, string> = { 'Cache-Control': 'no-store' }

/** Cloudflare's `_headers` file for the same policy. */
export function cloudflareHeadersFile(): string {
  const block = (path: string, headers: Record<string, string>) =>
    [path, ...Object.entries(headers).map(([k, v]) => `  ${k}: ${v}`)].join('\n')
  return `${block('/*', SITE_HEADERS)}\n${block('/admin/*', ADMIN_PAGE_HEADERS)}\n`
}
