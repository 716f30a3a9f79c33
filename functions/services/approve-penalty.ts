import { todayInShanghai } from '../../db/domain/dates.ts'
import { publicityWindow } from '../../db/domain/severity.ts'
import { transitionPenalty } from '../../db/mutations/penalties.ts'
import { enqueueRebuild } from '../../db/mutations/outbox.ts'
import { audit } from '../audit.ts'
import type { ServiceContext } from '../context.ts'
import { assertMoved } from './submit-penalty.ts'
import { assertNotAuthor, assertTransition } from './penalty-transition.ts'
import { loadPenaltyInScope } from './penalty-scope.ts'

/**
 * 审核通过并公示 — a second person publishes a submitted penalty. The publicity window is fixed
 * here from the decision date and the rule version; the outbox row asks for a rebuild in the same
 * transaction, so a publish never waits on someone remembering to rebuild.
 */
export async function approvePenalty(ctx: ServiceContext, id: number) {
  return ctx.db.transaction(async (tx) => {
    const row = await loadPenaltyInScope(tx, ctx, id)
    assertTransition(row, 'approve')
    assertNotAuthor(row, ctx.actor!.id)
    const window = publicityWindow(row.decisionDate, row.severity, row.ruleVersion)
    await assertMoved(
      await transitionPenalty(tx, id, row, {
        status: 'published',
        reviewedBy: ctx.actor!.id,
        repairableFrom: window?.repairableFrom ?? null,
        publicUntil: window?.publicUntil ?? null,
      })
    )
    await enqueueRebuild(tx, 'penalty', String(id), 'publish', ctx.nowMs)
    await audit(tx, ctx, {
      action: 'penalty.approve',
      objectType: 'penalty',
      objectId: id,
      detail: {
        publishedOn: todayInShanghai(new Date(ctx.nowMs)),
        publicUntil: window?.publicUntil,
      },
    })
    return { id, status: 'published' as const, version: row.version + 1 }
  })
}
