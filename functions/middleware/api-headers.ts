import { createMiddleware } from 'hono/factory'

/**
 * API responses are not cached unless public, never sniffed and never rendered as a page (J2).
 * `sandbox` as well: a file a member of the public uploaded (a complaint's photo, an objection's
 * PDF) is served from here, and if a browser ever rendered one it gets no origin and no script.
 * Set last, for every answer, so that no route can weaken it.
 */
export const apiHeaders = createMiddleware(async (c, next) => {
  await next()
  // Only the public read API opts in to caching (functions/routes/public.ts).
  if (!c.res.headers.has('Cache-Control')) c.header('Cache-Control', 'no-store')
  c.header('X-Content-Type-Options', 'nosniff')
  c.header('Content-Security-Policy', "default-src 'none'; frame-ancestors 'none'; sandbox")
  c.header('X-Frame-Options', 'DENY')
})
