import type { Context } from 'hono'
import { clientIp } from './client-ip.ts'
import type { AppEnv, ServiceContext } from './context.ts'

/** Build a service context from the request: db, clock, actor, request id and source address. */
export function serviceCtx(c: Context<AppEnv>): ServiceContext {
  const { db, config, now } = c.var.deps
  return {
    db,
    config,
    nowMs: (now ?? Date.now)(),
    actor: c.get('actor') ?? null,
    requestId: c.var.requestId,
    ip: clientIp(c),
    idempotency: c.get('idempotency'),
  }
}
