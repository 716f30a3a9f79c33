import { PreconditionFailedError } from '../../db/domain/errors.ts'
import { transitionPenalty } from '../../db/mutations/penalties.ts'
import { audit } from '../audit.ts'
import type { ServiceContext } from '../context.ts'
import { assertTransition } from './penalty-transition.ts'
import { loadPenaltyInScope } from './penalty-scope.ts'

/** 提交审核 — a draft goes to review. 轻微 decisions are never published, so never submitted. */
export async function submitPenalty(ctx: ServiceContext, id: number) {
  return ctx.db.transaction(async (tx) => {
    const row = await loadPenaltyInScope(tx, ctx, id)
    assertTransition(row, 'submit')
    if (row.severity === 'minor')
      throw new PreconditionFailedError('轻微失信信息依法不予公示，无需提交审核')
    await assertMoved(
      await transitionPenalty(tx, id, row, {
        status: 'submitted',
        submittedBy: ctx.actor!.id,
        rejectionReason: null,
      })
    )
    await audit(tx, ctx, { action: 'penalty.submit', objectType: 'penalty', objectId: id })
    return { id, status: 'submitted' as const, version: row.version + 1 }
  })
}

export async function assertMoved(moved: boolean) {
  if (!moved) throw new PreconditionFailedError('该记录已被他人修改，请刷新后重试')
}
