import { createMiddleware } from 'hono/factory'

/** API responses are never cached or sniffed and never rendered as a page (matrix J2). */
export const apiHeaders = createMiddleware(async (c, next) => {
  await next()
  c.header('Cache-Control', 'no-store')
  c.header('X-Content-Type-Options', 'nosniff')
  c.header('Content-Security-Policy', "default-src 'none'; frame-ancestors 'none'")
  c.header('X-Frame-Options', 'DENY')
})
