import type { Context } from 'hono'
import { createMiddleware } from 'hono/factory'

export type AccessLogLine = {
  time: string
  requestId: string | null
  ip: string
  method: string
  path: string
  status: number
  durationMs: number
}

/**
 * One JSON line per request on stdout (journald keeps it; see deploy/): who asked for what and
 * how it went. Never the query string, a body, a cookie or a header value beyond these: queries
 * can carry what a person searched for, and bodies carry passwords and codes (matrix H3).
 */
export function accessLog(
  clientAddress: (c: Context) => string,
  write: (line: AccessLogLine) => void = (line) => process.stdout.write(`${JSON.stringify(line)}\n`)
) {
  return createMiddleware(async (c, next) => {
    const started = performance.now()
    await next()
    write({
      time: new Date().toISOString(),
      requestId: c.res.headers.get('X-Request-Id'),
      ip: clientAddress(c),
      method: c.req.method,
      path: new URL(c.req.url).pathname,
      status: c.res.status,
      durationMs: Math.round((performance.now() - started) * 10) / 10,
    })
  })
}
