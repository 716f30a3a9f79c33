import { createMiddleware } from 'hono/factory'
import type { AppEnv } from '../context.ts'

/** Every response carries X-Request-Id; audit rows and error bodies carry the same id. */
export const requestId = createMiddleware<AppEnv>(async (c, next) => {
  const id = crypto.randomUUID()
  c.set('requestId', id)
  await next()
  c.header('X-Request-Id', id)
})
