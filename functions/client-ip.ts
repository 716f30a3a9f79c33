import type { Context } from 'hono'

/**
 * The client's address, for the audit trail and the login throttle. On Cloudflare the edge sets
 * CF-Connecting-IP (a client cannot forge it there); the Node server removes it and sets
 * X-Forwarded-For to the address it resolved itself — the socket's, or behind TRUSTED_PROXIES
 * the first untrusted hop (functions/node/client-address.ts) — before the API sees the request,
 * so a client-sent X-Forwarded-For never reaches this function unchecked.
 */
export function clientIp(c: Context): string | null {
  return (
    c.req.header('CF-Connecting-IP') ??
    c.req.header('X-Forwarded-For')?.split(',')[0]?.trim() ??
    null
  )
}
