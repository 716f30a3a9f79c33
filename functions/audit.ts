import { appendAudit } from '../db/mutations/audit.ts'
import type { DbOrTx } from '../db/mutations/users.ts'
import type { ServiceContext } from './context.ts'

type Event = {
  action: string
  outcome?: 'success' | 'failure'
  objectType?: string
  objectId?: string | number
  reason?: string
  detail?: Record<string, unknown>
  /** For login events, where there is no actor yet. */
  actorName?: string
}

/** Write one audit row for this request (who, role, district, address, request id, hash chain). */
export async function audit(db: DbOrTx, ctx: ServiceContext, e: Event): Promise<void> {
  await appendAudit(db, {
    at: new Date(ctx.nowMs).toISOString(),
    actorId: ctx.actor?.id ?? null,
    actorName: ctx.actor?.username ?? e.actorName ?? null,
    actorRole: ctx.actor?.role ?? null,
    actorDistrict: ctx.actor?.district ?? null,
    sourceIp: ctx.ip,
    action: e.action,
    objectType: e.objectType ?? null,
    objectId: e.objectId === undefined ? null : String(e.objectId),
    outcome: e.outcome ?? 'success',
    reason: e.reason ?? null,
    requestId: ctx.requestId,
    detail: e.detail ? JSON.stringify(e.detail) : null,
  })
}
