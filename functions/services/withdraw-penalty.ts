import { todayInShanghai } from '../../db/domain/dates.ts'
import { transitionPenalty } from '../../db/mutations/penalties.ts'
import { enqueueRebuild } from '../../db/mutations/outbox.ts'
import { audit } from '../audit.ts'
import type { ServiceContext } from '../context.ts'
import { assertMoved } from './submit-penalty.ts'
import { assertTransition } from './penalty-transition.ts'
import { loadPenaltyInScope } from './penalty-scope.ts'

/**
 * 撤回 — a changed or revoked decision leaves public view with its reason published
 * (行政处罚法 §48); its URL keeps a notice. The rebuild is requested in the same transaction.
 */
export async function withdrawPenalty(ctx: ServiceContext, id: number, reason: string) {
  return ctx.db.transaction(async (tx) => {
    const row = await loadPenaltyInScope(tx, ctx, id)
    assertTransition(row, 'withdraw')
    await assertMoved(
      await transitionPenalty(tx, id, row, {
        status: 'withdrawn',
        withdrawnOn: todayInShanghai(new Date(ctx.nowMs)),
        withdrawalReason: reason,
      })
    )
    await enqueueRebuild(tx, 'penalty', String(id), 'withdraw', ctx.nowMs)
    await audit(tx, ctx, {
      action: 'penalty.withdraw',
      objectType: 'penalty',
      objectId: id,
      reason,
    })
    return { id, status: 'withdrawn' as const, version: row.version + 1 }
  })
}
