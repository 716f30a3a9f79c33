import { todayInShanghai } from '../../db/domain/dates.ts'
import {
  ForbiddenError,
  NotFoundError,
  PreconditionFailedError,
  VersionMismatchError,
} from '../../db/domain/errors.ts'
import { publicationStatusLabel } from '../../db/domain/labels.ts'
import { inScope } from '../../db/domain/user.ts'
import { WORKFLOW_TRANSITIONS, type WorkflowStep } from '../../db/domain/workflow.ts'
import { saveIdempotentResponse } from '../../db/mutations/idempotency.ts'
import { enqueueRebuild } from '../../db/mutations/outbox.ts'
import { appendRecordEvent } from '../../db/mutations/record-events.ts'
import type { DbOrTx } from '../../db/mutations/users.ts'
import {
  findWorkflowRow,
  transitionRecord,
  type WorkflowKind,
} from '../../db/mutations/workflow.ts'
import { audit } from '../audit.ts'
import type { ServiceContext } from '../context.ts'
import { kindSpec, type RowOf } from './workflow-kinds.ts'

/** The record if it exists inside the actor's district scope; otherwise 404, never 403 (no leak). */
async function loadInScope<K extends WorkflowKind>(
  tx: DbOrTx,
  ctx: ServiceContext,
  kind: K,
  id: number
) {
  const row = await findWorkflowRow(tx, kind, id)
  if (!row || !inScope(ctx.actor!, row.districtCode))
    throw new NotFoundError(kindSpec(kind).label, id)
  return row as RowOf<K>
}

function assertStep(row: { status: keyof typeof publicationStatusLabel }, step: WorkflowStep) {
  if (row.status !== WORKFLOW_TRANSITIONS[step].from) {
    throw new PreconditionFailedError(
      `当前状态为“${publicationStatusLabel[row.status]}”，不能执行此操作`
    )
  }
}

/**
 * Only a record's author changes it before review (修改草稿, 撤回提交): another editor's change
 * would be reviewed by a reviewer who could then approve work nobody else checked.
 */
function assertAuthor(row: { createdBy: number | null }, actorId: number, what: string) {
  if (row.createdBy !== actorId) throw new ForbiddenError(`只有起草人本人可以${what}`)
}

/** 四眼原则: the author of a record never reviews it (matrix C3). */
function assertNotAuthor(row: { createdBy: number | null }, actorId: number) {
  if (row.createdBy === actorId) throw new ForbiddenError('不能审核自己起草的记录')
}

/**
 * One workflow step in one transaction: load in scope, check the step (and who may take it),
 * update only if nobody moved the record first, write the outbox row when the public site
 * changes, and the audit row — all or nothing.
 */
async function step<K extends WorkflowKind>(
  ctx: ServiceContext,
  kind: K,
  id: number,
  name: WorkflowStep,
  opts: {
    reviewer?: boolean
    reason?: string
    set: (row: RowOf<K>) => Record<string, unknown>
    publishes?: boolean
  }
) {
  const spec = kindSpec(kind)
  return ctx.db.transaction(async (tx) => {
    const row = await loadInScope(tx, ctx, kind, id)
    assertStep(row, name)
    if (opts.reviewer) assertNotAuthor(row, ctx.actor!.id)
    if (name === 'recall') assertAuthor(row, ctx.actor!.id, '撤回提交')
    if (name === 'submit') spec.beforeSubmit?.(row)
    if (name === 'submit' || name === 'approve')
      await spec.stillPublishable?.(tx, row, todayInShanghai(new Date(ctx.nowMs)))
    const moved = await transitionRecord(tx, kind, id, row, {
      status: WORKFLOW_TRANSITIONS[name].to,
      ...opts.set(row),
    })
    if (!moved) throw new VersionMismatchError()
    if (name === 'approve') await spec.afterApprove?.(tx, ctx, row)
    if (opts.publishes) await enqueueRebuild(tx, spec.objectType, String(id), name, ctx.nowMs)
    if (opts.publishes && spec.publicLog) {
      await appendRecordEvent(tx, {
        objectType: spec.objectType,
        objectId: String(id),
        subjectId: 'subjectId' in row ? (row.subjectId as string | null) : null,
        event: name === 'approve' ? 'published' : 'withdrawn',
        onDate: todayInShanghai(new Date(ctx.nowMs)),
        reason: opts.reason ?? null,
        createdAt: new Date(ctx.nowMs),
      })
    }
    await audit(tx, ctx, {
      action: `${spec.objectType}.${name}`,
      objectType: spec.objectType,
      objectId: id,
      reason: opts.reason,
    })
    const result = { id, status: WORKFLOW_TRANSITIONS[name].to, version: row.version + 1 }
    // The answer commits with the change: if the commit lands but the response is lost
    // (matrix K3), a retry with the same Idempotency-Key gets this answer, not a 409.
    if (ctx.idempotency) {
      const { key, ...claim } = ctx.idempotency
      const body = JSON.stringify(result)
      await saveIdempotentResponse(tx, key, { ...claim, status: 200, body }, ctx.nowMs)
    }
    return result
  })
}

/** 提交审核 */
export const submitRecord = (ctx: ServiceContext, kind: WorkflowKind, id: number) =>
  step(ctx, kind, id, 'submit', {
    set: () => ({ submittedBy: ctx.actor!.id, rejectionReason: null }),
  })

/** 撤回提交 — the author takes a submission back to draft before anyone has reviewed it. */
export const recallRecord = (ctx: ServiceContext, kind: WorkflowKind, id: number) =>
  step(ctx, kind, id, 'recall', { set: () => ({ submittedBy: null }) })

/**
 * 修改草稿 — the author replaces a draft's (or a returned record's) content. `columns` checks the
 * input as a new draft would be checked and returns what to store; the status stays 草稿.
 */
export async function reviseDraft<K extends WorkflowKind>(
  ctx: ServiceContext,
  kind: K,
  id: number,
  columns: (tx: DbOrTx, row: RowOf<K>) => Promise<Record<string, unknown>>
) {
  const spec = kindSpec(kind)
  return ctx.db.transaction(async (tx) => {
    const row = await loadInScope(tx, ctx, kind, id)
    if (row.status !== 'draft')
      throw new PreconditionFailedError(
        `当前状态为“${publicationStatusLabel[row.status]}”，只有草稿可以修改；已提交的记录请先撤回提交`
      )
    assertAuthor(row, ctx.actor!.id, '修改草稿')
    const moved = await transitionRecord(tx, kind, id, row, await columns(tx, row))
    if (!moved) throw new VersionMismatchError()
    await audit(tx, ctx, {
      action: `${spec.objectType}.revise`,
      objectType: spec.objectType,
      objectId: id,
    })
    return { id, status: row.status, version: row.version + 1 }
  })
}

/** 审核通过并公示 — by a second person; the rebuild is requested in the same transaction. */
export const approveRecord = <K extends WorkflowKind>(ctx: ServiceContext, kind: K, id: number) =>
  step(ctx, kind, id, 'approve', {
    reviewer: true,
    publishes: true,
    set: (row) => ({
      reviewedBy: ctx.actor!.id,
      ...kindSpec(kind).onApprove?.(row, todayInShanghai(new Date(ctx.nowMs))),
    }),
  })

/** 退回 — back to its author with a reason. */
export const rejectRecord = (ctx: ServiceContext, kind: WorkflowKind, id: number, reason: string) =>
  step(ctx, kind, id, 'reject', {
    reviewer: true,
    reason,
    set: () => ({ reviewedBy: ctx.actor!.id, rejectionReason: reason }),
  })

/** 撤回 — a changed or revoked decision leaves public view with its reason published (行政处罚法 §48). */
export const withdrawRecord = (
  ctx: ServiceContext,
  kind: WorkflowKind,
  id: number,
  reason: string
) =>
  step(ctx, kind, id, 'withdraw', {
    reason,
    publishes: true,
    set: () => kindSpec(kind).onWithdraw(todayInShanghai(new Date(ctx.nowMs)), reason),
  })
