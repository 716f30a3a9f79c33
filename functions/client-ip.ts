import type { Context } from 'hono'

/**
 * The client's address, for the audit trail and the login throttle. On Cloudflare the edge sets
 * CF-Connecting-IP (a client cannot forge it there); the Node server overwrites both headers with
 * the socket's address before the API sees the request (node-server.ts), so a client-sent
 * X-Forwarded-For never reaches this function unchecked.
 */
export function clientIp(c: Context): string | null {
  return (
    c.req.header('CF-Connecting-IP') ??
    c.req.header('X-Forwarded-For')?.split(',')[0]?.trim() ??
    null
  )
}
