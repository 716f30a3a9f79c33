import { newAccessCode, newReceiptNo } from '../../db/domain/complaint.ts'
import { todayInShanghai } from '../../db/domain/dates.ts'
import {
  ForbiddenError,
  NotFoundError,
  PreconditionFailedError,
  ValidationError,
  VersionMismatchError,
} from '../../db/domain/errors.ts'
import { complaintStatusLabel } from '../../db/domain/complaint.ts'
import {
  OBJECTION_RULES,
  type ObjectionInput,
  type ObjectionRecordType,
} from '../../db/domain/objection.ts'
import { inScope } from '../../db/domain/user.ts'
import { findWorkflowRow } from '../../db/mutations/workflow.ts'
import {
  advanceObjection,
  eraseObjectionPersonalData,
  findObjection,
  findObjectionByReceipt,
  findObjectionDocument,
  insertObjection,
  insertObjectionDocument,
  listObjectionDocuments,
  listObjectionRows,
  publicTarget,
  type ObjectionRow,
} from '../../db/mutations/objections.ts'
import { enqueueRebuild } from '../../db/mutations/outbox.ts'
import { audit } from '../audit.ts'
import type { ServiceContext } from '../context.ts'
import { eraseAfterRetention, openContact, receiptNotFound, sealContact } from './submissions.ts'
import { spendSolution } from './altcha.ts'
import { hashAccessCode, publicStatus } from './complaints.ts'
import { cleanUploads } from './uploads.ts'

const today = (ctx: ServiceContext) => todayInShanghai(new Date(ctx.nowMs))

/** What the objection form shows about its record, if the record is public today. */
export async function objectionTarget(ctx: ServiceContext, type: ObjectionRecordType, id: string) {
  const target = await publicTarget(ctx.db, type, id, today(ctx))
  if (!target)
    throw new NotFoundError('公示记录', `${type}:${id}`, {
      field: 'record',
      code: 'not_found',
      message: '这条记录目前没有公示（可能已撤回或公示期已满），无需提出异议',
    })
  return target
}

/**
 * 异议申诉 from the public: the record must be public today; the proof of work is spent, the
 * contact sealed, documents checked — one transaction with its audit row.
 */
export async function submitObjection(
  ctx: ServiceContext,
  input: ObjectionInput,
  files: Uint8Array[]
) {
  const documents = cleanUploads(files, 'document')
  const target = await objectionTarget(ctx, input.record.type, input.record.id)
  const contactSealed = await sealContact(ctx, {
    name: input.contactName,
    phone: input.contactPhone,
  })
  const accessCode = newAccessCode()
  const accessCodeHash = await hashAccessCode(accessCode)
  return ctx.db.transaction(async (tx) => {
    await spendSolution(tx, input.altcha, ctx.config.PASSWORD_PEPPER)
    let receiptNo = newReceiptNo(today(ctx), 'YY')
    while (await findObjectionByReceipt(tx, receiptNo)) receiptNo = newReceiptNo(today(ctx), 'YY')
    const id = await insertObjection(tx, {
      receiptNo,
      accessCodeHash,
      recordType: input.record.type,
      recordId: input.record.id,
      subjectId: target.subjectId,
      districtCode: target.districtCode,
      objectorRole: input.objectorRole,
      reason: input.reason,
      contactSealed,
      status: 'submitted',
      submittedAt: ctx.nowMs,
    })
    for (const d of documents)
      await insertObjectionDocument(tx, {
        objectionId: id,
        mediaType: d.type,
        bytes: Buffer.from(d.bytes),
      })
    // The record's page says 异议处理中 from the next build on (ADR 018).
    await enqueueRebuild(tx, 'objection', String(id), 'submit', ctx.nowMs)
    await audit(tx, ctx, {
      action: 'objection.submit',
      actorName: 'public',
      objectType: 'objection',
      objectId: id,
      detail: {
        receiptNo,
        record: `${input.record.type}:${input.record.id}`,
        documents: documents.length,
      },
    })
    return { receiptNo, accessCode }
  })
}

export async function trackObjection(ctx: ServiceContext, receiptNo: string, code: string) {
  const row = await findObjectionByReceipt(ctx.db, receiptNo)
  if (!row || row.accessCodeHash !== (await hashAccessCode(code))) throw receiptNotFound(receiptNo)
  return {
    ...publicStatus(row, 'objection'),
    outcome: row.status === 'closed' ? row.outcome : null,
  }
}

// ——— Staff side ———

export function objectionDeadlines(row: { submittedAt: number; acceptedAt: number | null }) {
  const day = 86_400_000
  return {
    acceptBy: todayInShanghai(new Date(row.submittedAt + OBJECTION_RULES.acceptWithinDays * day)),
    closeBy: row.acceptedAt
      ? todayInShanghai(new Date(row.acceptedAt + OBJECTION_RULES.closeWithinDays * day))
      : null,
  }
}

async function loadInScope(ctx: ServiceContext, id: number) {
  const row = await findObjection(ctx.db, id)
  if (!row || !inScope(ctx.actor!, row.districtCode)) throw new NotFoundError('异议', id)
  return row
}

export async function listObjections(ctx: ServiceContext) {
  const rows = await listObjectionRows(ctx.db, ctx.actor!.district)
  return rows.map((r) => ({ ...r, ...objectionDeadlines(r) }))
}

export async function getObjection(ctx: ServiceContext, id: number) {
  const { contactSealed, accessCodeHash: _hash, ...row } = await loadInScope(ctx, id)
  const target = await publicTarget(ctx.db, row.recordType, row.recordId, today(ctx))
  return {
    ...row,
    ...objectionDeadlines(row),
    targetLabel: target?.label ?? '（该记录已不再公示）',
    hasContact: contactSealed !== null,
    documents: await listObjectionDocuments(ctx.db, id),
  }
}

export async function readObjectionContact(ctx: ServiceContext, id: number) {
  const row = await loadInScope(ctx, id)
  return openContact(ctx, row.contactSealed, {
    action: 'objection.contact_read',
    objectType: 'objection',
    objectId: id,
  })
}

export async function readObjectionDocument(ctx: ServiceContext, id: number, documentId: number) {
  await loadInScope(ctx, id)
  const doc = await findObjectionDocument(ctx.db, id, documentId)
  if (!doc) throw new NotFoundError('材料', documentId)
  await audit(ctx.db, ctx, {
    action: 'objection.document_read',
    objectType: 'objection',
    objectId: id,
  })
  return doc
}

type Step = {
  from: readonly ObjectionRow['status'][]
  set: (row: ObjectionRow) => Partial<ObjectionRow>
  check?: (row: ObjectionRow) => void | Promise<void>
  reason?: string
}

async function objectionStep(ctx: ServiceContext, id: number, action: string, step: Step) {
  return ctx.db.transaction(async (tx) => {
    const row = await findObjection(tx, id)
    if (!row || !inScope(ctx.actor!, row.districtCode)) throw new NotFoundError('异议', id)
    if (!step.from.includes(row.status))
      throw new PreconditionFailedError(
        `这件异议当前为“${complaintStatusLabel[row.status]}”，不能执行此操作`
      )
    await step.check?.(row)
    const set = step.set(row)
    const moved = await advanceObjection(tx, id, row.version, set)
    if (!moved) throw new VersionMismatchError()
    // Closing (or refusing) ends the 异议处理中 marker on the record's public page.
    if (set.status === 'closed' || set.status === 'refused')
      await enqueueRebuild(tx, 'objection', String(id), action, ctx.nowMs)
    await audit(tx, ctx, {
      action: `objection.${action}`,
      objectType: 'objection',
      objectId: id,
      reason: step.reason,
    })
    return moved
  })
}

export const acceptObjection = (ctx: ServiceContext, id: number) =>
  objectionStep(ctx, id, 'accept', {
    from: ['submitted'],
    set: () => ({ status: 'in_progress', acceptedAt: ctx.nowMs }),
  })

export const refuseObjection = (ctx: ServiceContext, id: number, reason: string) =>
  objectionStep(ctx, id, 'refuse', {
    from: ['submitted'],
    reason,
    set: () => ({ status: 'refused', refusalReason: reason, closedAt: ctx.nowMs }),
  })

/**
 * 异议成立: the record was corrected or withdrawn through the existing workflow (a second person
 * approved the change request, which wrote the public change-log line); the objection points to
 * it and closes, with a reply that says so.
 */
export const upholdObjection = (ctx: ServiceContext, id: number, changeRequestId: number) =>
  objectionStep(ctx, id, 'uphold', {
    from: ['in_progress'],
    check: async (row) => {
      const change = await findWorkflowRow(ctx.db, 'change', changeRequestId)
      const target = row.recordType === 'subject' ? 'subject' : TARGET[row.recordType]
      if (
        !change ||
        !('targetKind' in change) ||
        change.targetKind !== target ||
        change.targetId !== row.recordId
      )
        throw new ValidationError([
          {
            field: 'changeRequestId',
            code: 'mismatch',
            message: '该变更申请不是针对这条记录的更正或撤回，请核对编号',
          },
        ])
      if (change.status !== 'published')
        throw new PreconditionFailedError('更正或撤回经审核生效后，才能认定异议成立并办结')
    },
    set: () => ({
      status: 'closed',
      outcome: 'upheld',
      changeRequestId,
      reply: '经核查，异议成立，已依法更正或撤回该公示信息，公示页面的“信息变更记录”中可以查到。',
      replyStatus: 'published',
      closedAt: ctx.nowMs,
    }),
  })

const TARGET = {
  penalty: 'penalty',
  list_entry: 'listEntry',
  credit_record: 'creditRecord',
  typical_case: 'typicalCase',
} as const

/** 异议不成立: a reasoned reply, drafted by one person and approved by another, then 办结. */
export const draftObjectionReply = (ctx: ServiceContext, id: number, reply: string) =>
  objectionStep(ctx, id, 'reply', {
    from: ['in_progress'],
    set: () => ({ reply, replyStatus: 'submitted', replyBy: ctx.actor!.id, replyApprovedBy: null }),
  })

export const approveObjectionReply = (ctx: ServiceContext, id: number) =>
  objectionStep(ctx, id, 'reject', {
    from: ['in_progress'],
    check: (row) => {
      if (row.replyStatus !== 'submitted') throw new PreconditionFailedError('没有待审核的答复')
      if (row.replyBy === ctx.actor!.id) throw new ForbiddenError('不能审核自己起草的答复')
    },
    set: () => ({
      status: 'closed',
      outcome: 'not_upheld',
      replyStatus: 'published',
      replyApprovedBy: ctx.actor!.id,
      closedAt: ctx.nowMs,
    }),
  })

/** Retention as for complaints (the same rule data). */
export const eraseExpiredObjectionData = (ctx: ServiceContext) =>
  eraseAfterRetention(ctx, 'objection', eraseObjectionPersonalData)
