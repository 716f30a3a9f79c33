import { transitionPenalty } from '../../db/mutations/penalties.ts'
import { audit } from '../audit.ts'
import type { ServiceContext } from '../context.ts'
import { assertMoved } from './submit-penalty.ts'
import { assertNotAuthor, assertTransition } from './penalty-transition.ts'
import { loadPenaltyInScope } from './penalty-scope.ts'

/** 退回 — a reviewer sends a submitted penalty back to its author with a reason. */
export async function rejectPenalty(ctx: ServiceContext, id: number, reason: string) {
  return ctx.db.transaction(async (tx) => {
    const row = await loadPenaltyInScope(tx, ctx, id)
    assertTransition(row, 'reject')
    assertNotAuthor(row, ctx.actor!.id)
    await assertMoved(
      await transitionPenalty(tx, id, row, {
        status: 'draft',
        reviewedBy: ctx.actor!.id,
        rejectionReason: reason,
      })
    )
    await audit(tx, ctx, { action: 'penalty.reject', objectType: 'penalty', objectId: id, reason })
    return { id, status: 'draft' as const, version: row.version + 1 }
  })
}
