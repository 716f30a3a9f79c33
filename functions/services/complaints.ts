import {
  COMPLAINT_RULES,
  complaintStatusLabel,
  newAccessCode,
  newReceiptNo,
  normalizeAccessCode,
  type ComplaintInput,
} from '../../db/domain/complaint.ts'
import { todayInShanghai } from '../../db/domain/dates.ts'
import {
  ForbiddenError,
  NotFoundError,
  PreconditionFailedError,
  ValidationError,
  VersionMismatchError,
  type Issue,
} from '../../db/domain/errors.ts'
import { inScope } from '../../db/domain/user.ts'
import { findSubjectRow } from '../../db/mutations/penalties.ts'
import { listDistricts } from '../../db/queries/reference-data.ts'
import {
  advanceComplaint,
  eraseComplaintPersonalData,
  findComplaint,
  findComplaintByReceipt,
  findComplaintPhoto,
  insertComplaint,
  insertComplaintPhoto,
  listComplaintPhotos,
  listComplaintRows,
  type ComplaintRow,
} from '../../db/mutations/complaints.ts'
import { audit } from '../audit.ts'
import type { ServiceContext } from '../context.ts'
import { eraseAfterRetention, openContact, receiptNotFound, sealContact } from './submissions.ts'
import { spendSolution } from './altcha.ts'
import { cleanUploads } from './uploads.ts'

export async function hashAccessCode(code: string): Promise<string> {
  const digest = await crypto.subtle.digest(
    'SHA-256',
    new TextEncoder().encode(normalizeAccessCode(code))
  )
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('')
}

/**
 * 投诉举报 from the public: checked, the proof of work spent, the contact sealed, the photos
 * stripped — all in one transaction with its audit row. Returns the 回执编号 and the 查询码, which
 * is never stored (only its hash) and cannot be shown again.
 */
export async function submitComplaint(
  ctx: ServiceContext,
  input: ComplaintInput,
  files: Uint8Array[]
) {
  const photos = cleanUploads(files, 'photo')
  const issues: Issue[] = []
  if (!(await listDistricts(ctx.db)).some((d) => d.code === input.districtCode))
    issues.push({ field: 'districtCode', code: 'unknown', message: '请选择问题所在的县区' })
  if (input.subjectId) {
    const subject = await findSubjectRow(ctx.db, input.subjectId)
    if (!subject || subject.status !== 'published')
      issues.push({
        field: 'subjectId',
        code: 'not_found',
        message: '本平台没有这家企业；不知道企业名称的，可以不填',
      })
  }
  if (input.occurredOn && input.occurredOn > todayInShanghai(new Date(ctx.nowMs)))
    issues.push({ field: 'occurredOn', code: 'future', message: '发生日期不能晚于今天' })
  if (issues.length) throw new ValidationError(issues)

  const name = input.contactName?.trim() ?? ''
  const phone = input.contactPhone ?? ''
  const contactSealed = name || phone ? await sealContact(ctx, { name, phone }) : null
  const accessCode = newAccessCode()
  const accessCodeHash = await hashAccessCode(accessCode)
  const today = todayInShanghai(new Date(ctx.nowMs))
  return ctx.db.transaction(async (tx) => {
    await spendSolution(tx, input.altcha, ctx.config.PASSWORD_PEPPER)
    // A clash of two random 回执编号 on one day is retried, never merged.
    let receiptNo = newReceiptNo(today)
    while (await findComplaintByReceipt(tx, receiptNo)) receiptNo = newReceiptNo(today)
    const id = await insertComplaint(tx, {
      receiptNo,
      accessCodeHash,
      districtCode: input.districtCode,
      projectName: input.projectName,
      subjectId: input.subjectId ?? null,
      category: input.category,
      description: input.description,
      occurredOn: input.occurredOn ?? null,
      contactSealed,
      status: 'submitted',
      submittedAt: ctx.nowMs,
    })
    for (const p of photos)
      await insertComplaintPhoto(tx, {
        complaintId: id,
        // Photos are never PDFs: cleanUploads(…, 'photo') accepts images only.
        mediaType: p.type as 'image/jpeg' | 'image/png',
        bytes: Buffer.from(p.bytes),
      })
    await audit(tx, ctx, {
      action: 'complaint.submit',
      actorName: 'public',
      objectType: 'complaint',
      objectId: id,
      detail: { receiptNo, photos: photos.length, anonymous: contactSealed === null },
    })
    return { receiptNo, accessCode }
  })
}

/**
 * What the complainant may see with the 回执编号 and 查询码: status, dates, the reason a complaint
 * was not accepted, and the reply once a second person approved it — never anyone's contact data.
 * An unknown number and a wrong code answer alike.
 */
export async function trackComplaint(ctx: ServiceContext, receiptNo: string, code: string) {
  const row = await findComplaintByReceipt(ctx.db, receiptNo)
  const hash = await hashAccessCode(code)
  if (!row || row.accessCodeHash !== hash) throw receiptNotFound(receiptNo)
  return publicStatus(row, 'complaint')
}

/**
 * What a submitter reads back (投诉 or 异议 alike): status, dates, a refusal's reason and the reply
 * once a second person approved it — never contact data, never the text they sent.
 */
export function publicStatus(
  row: Pick<
    ComplaintRow,
    | 'receiptNo'
    | 'status'
    | 'submittedAt'
    | 'acceptedAt'
    | 'closedAt'
    | 'refusalReason'
    | 'reply'
    | 'replyStatus'
  >,
  kind: 'complaint' | 'objection'
) {
  return {
    receiptNo: row.receiptNo,
    kind,
    status: row.status,
    statusLabel: complaintStatusLabel[row.status],
    submittedAt: new Date(row.submittedAt).toISOString(),
    acceptedAt: row.acceptedAt ? new Date(row.acceptedAt).toISOString() : null,
    closedAt: row.closedAt ? new Date(row.closedAt).toISOString() : null,
    refusalReason: row.status === 'refused' ? row.refusalReason : null,
    reply: row.replyStatus === 'published' ? row.reply : null,
  }
}

// ——— Staff side: a district's queue, the steps, contact data read with an audit row ———

async function loadInScope(ctx: ServiceContext, id: number) {
  const row = await findComplaint(ctx.db, id)
  if (!row || !inScope(ctx.actor!, row.districtCode)) throw new NotFoundError('投诉', id)
  return row
}

/** The 受理 and 办结 deadlines (rule data), in calendar days from submission and acceptance. */
export function complaintDeadlines(row: { submittedAt: number; acceptedAt: number | null }) {
  const day = 86_400_000
  const acceptBy = todayInShanghai(
    new Date(row.submittedAt + COMPLAINT_RULES.acceptWithinDays * day)
  )
  const closeBy = row.acceptedAt
    ? todayInShanghai(new Date(row.acceptedAt + COMPLAINT_RULES.closeWithinDays * day))
    : null
  return { acceptBy, closeBy }
}

export async function listComplaints(ctx: ServiceContext) {
  const rows = await listComplaintRows(ctx.db, ctx.actor!.district)
  return rows.map((r) => ({ ...r, ...complaintDeadlines(r) }))
}

/** One complaint for staff: everything but the sealed contact, which is read on its own. */
export async function getComplaint(ctx: ServiceContext, id: number) {
  const { contactSealed, accessCodeHash: _hash, ...row } = await loadInScope(ctx, id)
  const photos = await listComplaintPhotos(ctx.db, id)
  return { ...row, ...complaintDeadlines(row), hasContact: contactSealed !== null, photos }
}

/** 查看联系方式: opened only on request, and each opening is an audit row. */
export async function readComplaintContact(ctx: ServiceContext, id: number) {
  const row = await loadInScope(ctx, id)
  return openContact(ctx, row.contactSealed, {
    action: 'complaint.contact_read',
    objectType: 'complaint',
    objectId: id,
  })
}

/** A photo for staff, with an audit row (it is personal data too). */
export async function readComplaintPhoto(ctx: ServiceContext, id: number, photoId: number) {
  await loadInScope(ctx, id)
  const photo = await findComplaintPhoto(ctx.db, id, photoId)
  if (!photo) throw new NotFoundError('照片', photoId)
  await audit(ctx.db, ctx, {
    action: 'complaint.photo_read',
    objectType: 'complaint',
    objectId: id,
  })
  return photo
}

type Step = {
  from: readonly ComplaintRow['status'][]
  set: (row: ComplaintRow) => Partial<ComplaintRow>
  check?: (row: ComplaintRow) => void
  reason?: string
}

/** One step on a complaint: in scope, from an allowed status, only if nobody moved it first. */
async function complaintStep(ctx: ServiceContext, id: number, action: string, step: Step) {
  return ctx.db.transaction(async (tx) => {
    const row = await findComplaint(tx, id)
    if (!row || !inScope(ctx.actor!, row.districtCode)) throw new NotFoundError('投诉', id)
    if (!step.from.includes(row.status))
      throw new PreconditionFailedError(
        `这件投诉当前为“${complaintStatusLabel[row.status]}”，不能执行此操作`
      )
    step.check?.(row)
    const moved = await advanceComplaint(tx, id, row.version, step.set(row))
    if (!moved) throw new VersionMismatchError()
    await audit(tx, ctx, {
      action: `complaint.${action}`,
      objectType: 'complaint',
      objectId: id,
      reason: step.reason,
    })
    return moved
  })
}

/** 受理 — the bureau takes the complaint on; the 办结 clock starts. */
export const acceptComplaint = (ctx: ServiceContext, id: number) =>
  complaintStep(ctx, id, 'accept', {
    from: ['submitted'],
    set: () => ({ status: 'in_progress', acceptedAt: ctx.nowMs }),
  })

/** 不予受理 — with a reason the complainant reads. */
export const refuseComplaint = (ctx: ServiceContext, id: number, reason: string) =>
  complaintStep(ctx, id, 'refuse', {
    from: ['submitted'],
    reason,
    set: () => ({ status: 'refused', refusalReason: reason, closedAt: ctx.nowMs }),
  })

/** 答复 drafted by an editor; the complainant sees it only once a second person approves it. */
export const draftComplaintReply = (ctx: ServiceContext, id: number, reply: string) =>
  complaintStep(ctx, id, 'reply', {
    from: ['in_progress'],
    check: (row) => {
      if (row.replyStatus === 'published')
        throw new PreconditionFailedError('答复已经发出，不能再修改')
    },
    set: () => ({ reply, replyStatus: 'submitted', replyBy: ctx.actor!.id, replyApprovedBy: null }),
  })

/** 审核答复 — four eyes: never the person who wrote it. */
export const approveComplaintReply = (ctx: ServiceContext, id: number) =>
  complaintStep(ctx, id, 'approve_reply', {
    from: ['in_progress'],
    check: (row) => {
      if (row.replyStatus !== 'submitted') throw new PreconditionFailedError('没有待审核的答复')
      if (row.replyBy === ctx.actor!.id) throw new ForbiddenError('不能审核自己起草的答复')
    },
    set: () => ({ replyStatus: 'published', replyApprovedBy: ctx.actor!.id }),
  })

/** 办结 — after the reply went out; 查实 or not, which the company's credit file counts. */
export const closeComplaint = (ctx: ServiceContext, id: number, substantiated: boolean) =>
  complaintStep(ctx, id, 'close', {
    from: ['in_progress'],
    check: (row) => {
      if (row.replyStatus !== 'published')
        throw new PreconditionFailedError('答复经审核发出后才能办结')
    },
    set: () => ({ status: 'closed', substantiated, closedAt: ctx.nowMs }),
  })

/**
 * 到期删除: contact data and photos go `retention.afterClosedMonths` after 办结 (or 不予受理),
 * in one transaction with its audit row. The Node server runs it every minute; it is cheap when
 * nothing is due.
 */
export const eraseExpiredComplaintData = (ctx: ServiceContext) =>
  eraseAfterRetention(ctx, 'complaint', eraseComplaintPersonalData)
