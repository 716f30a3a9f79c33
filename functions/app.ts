import { Hono } from 'hono'
import { NotFoundError } from '../db/domain/errors.ts'
import { toErrorResponse } from './errors.ts'
import { health } from './routes/health.ts'

/** The Hono app shared by the Node server and the Cloudflare Worker. */
export function createApp() {
  return new Hono()
    .route('/api/v1/health', health)
    .onError(toErrorResponse)
    .notFound((c) => toErrorResponse(new NotFoundError('接口', c.req.path), c))
}
export type AppType = ReturnType<typeof createApp>
