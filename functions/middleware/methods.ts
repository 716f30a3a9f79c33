import { createMiddleware } from 'hono/factory'

/**
 * Matrix C7: only the methods a route family uses are accepted; anything else — TRACE, PUT,
 * DELETE, and CORS preflights (the console is same-origin, so none is ever needed) — is 405 with
 * an Allow header, before any handler or database look-up runs.
 */
export const allowMethods = (...methods: string[]) =>
  createMiddleware(async (c, next) => {
    if (methods.includes(c.req.method)) return next()
    const requestId = (c.get('requestId' as never) as string | undefined) ?? null
    return c.json(
      { error: { code: 'METHOD_NOT_ALLOWED', message: `不支持 ${c.req.method} 请求`, requestId } },
      405,
      { Allow: methods.join(', ') }
    )
  })
