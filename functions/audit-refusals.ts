import type { Context } from 'hono'
import { DomainError, ValidationError } from '../db/domain/errors.ts'
import { audit } from './audit.ts'
import type { AppEnv } from './context.ts'
import { serviceCtx } from './service-context.ts'

const WRITE = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

/**
 * Matrix H1: a signed-in person refused for lack of rights (authz denial), or whose write failed
 * validation, leaves one audit row. The write's own transaction rolled back, so this row is
 * written on its own. It names the fields at fault, never their values (H3: no PI in logs).
 * Anonymous refusals are not logged here: login failures have their own rows.
 */
export async function auditRefusal(err: Error, c: Context<AppEnv>): Promise<void> {
  if (!(err instanceof DomainError) || !c.get('actor')) return
  const denied = err.code === 'FORBIDDEN'
  const invalid = err instanceof ValidationError && WRITE.has(c.req.method)
  if (!denied && !invalid) return
  const ctx = serviceCtx(c)
  try {
    await audit(ctx.db, ctx, {
      action: denied ? 'authz.denied' : 'validation.failed',
      outcome: 'failure',
      reason: err.message,
      detail: {
        method: c.req.method,
        path: c.req.path,
        ...(invalid ? { fields: (err as ValidationError).issues.map((i) => i.field) } : {}),
      },
    })
  } catch (auditErr) {
    // The refusal still goes out; a failing audit write is an operational alarm, not a 500.
    console.error({
      msg: 'audit of a refusal failed',
      requestId: ctx.requestId,
      err: String(auditErr),
    })
  }
}
