import type { Context } from 'hono'

/**
 * The client's address, for the audit trail and the login throttle. On Cloudflare the edge sets
 * CF-Connecting-IP (a client cannot forge it there); the Node server passes the address it
 * resolved itself — the socket's, or behind TRUSTED_PROXIES the first untrusted hop
 * (functions/node/client-address.ts) — as the `clientAddress` binding, so a client-sent
 * X-Forwarded-For or CF-Connecting-IP is never believed there.
 */
export function clientIp(c: Context): string | null {
  // The Node server hands the address it resolved to the API as a binding instead of rewriting
  // the request's headers (building a new Request per call cost a share of every read, issue 18);
  // when present it is the only answer, whatever headers the client sent.
  const resolved = (c.env as { clientAddress?: unknown } | undefined)?.clientAddress
  if (typeof resolved === 'string') return resolved
  return (
    c.req.header('CF-Connecting-IP') ??
    c.req.header('X-Forwarded-For')?.split(',')[0]?.trim() ??
    null
  )
}
