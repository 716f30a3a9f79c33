import { earliestBlackListRemoval } from '../../db/domain/credit-list-input.ts'
import { todayInShanghai } from '../../db/domain/dates.ts'
import {
  NotFoundError,
  PreconditionFailedError,
  VersionMismatchError,
} from '../../db/domain/errors.ts'
import { inScope } from '../../db/domain/user.ts'
import { markListEntryRemoved } from '../../db/mutations/credit-list-entries.ts'
import { enqueueRebuild } from '../../db/mutations/outbox.ts'
import { appendRecordEvent } from '../../db/mutations/record-events.ts'
import { findWorkflowRow } from '../../db/mutations/workflow.ts'
import { audit } from '../audit.ts'
import type { ServiceContext } from '../context.ts'

/**
 * 移出名单 — a published entry leaves the list before its validity ends (e.g. after 信用修复).
 * A black-list entry cannot leave before its 1-year minimum; the reason is recorded and audited.
 */
export async function removeListEntry(ctx: ServiceContext, id: number, reason: string) {
  return ctx.db.transaction(async (tx) => {
    const row = await findWorkflowRow(tx, 'listEntry', id)
    if (!row || !inScope(ctx.actor!, row.districtCode) || !('list' in row))
      throw new NotFoundError('红黑名单条目', id)
    const today = todayInShanghai(new Date(ctx.nowMs))
    if (row.status !== 'published' || row.removedOn !== null)
      throw new PreconditionFailedError('只有公示中的名单条目可以移出')
    if (row.list === 'black' && today < earliestBlackListRemoval(row.decisionDate)) {
      throw new PreconditionFailedError(
        `黑名单自列入之日起满1年（${earliestBlackListRemoval(row.decisionDate)}）后方可申请提前移出`
      )
    }
    if (!(await markListEntryRemoved(tx, id, row.version, today, reason))) {
      throw new VersionMismatchError()
    }
    await enqueueRebuild(tx, 'list_entry', String(id), 'remove', ctx.nowMs)
    await appendRecordEvent(tx, {
      objectType: 'list_entry',
      objectId: String(id),
      subjectId: row.subjectId,
      event: 'removed',
      onDate: today,
      reason,
      createdAt: new Date(ctx.nowMs),
    })
    await audit(tx, ctx, {
      action: 'list_entry.remove',
      objectType: 'list_entry',
      objectId: id,
      reason,
    })
    return { id, removedOn: today }
  })
}
