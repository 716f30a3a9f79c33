import { newAccessCode, newReceiptNo } from '../../db/domain/complaint.ts'
import { formatChineseDate, todayInShanghai } from '../../db/domain/dates.ts'
import {
  NotFoundError,
  PreconditionFailedError,
  ValidationError,
  type Issue,
} from '../../db/domain/errors.ts'
import {
  CREDIT_COMMITMENT,
  REPAIR_MATERIALS,
  repairNotYetMessage,
  type RepairApplicationInput,
} from '../../db/domain/repair.ts'
import { inScope } from '../../db/domain/user.ts'
import { normalizeUscc } from '../../db/domain/uscc.ts'
import { isPubliclyVisible } from '../../db/domain/visibility.ts'
import { findOpenChange, insertChangeRequest } from '../../db/mutations/change-requests.ts'
import { findSubjectRow } from '../../db/mutations/penalties.ts'
import {
  findRepairApplication,
  findRepairApplicationByChange,
  findRepairApplicationByReceipt,
  findRepairApplicationDocument,
  insertRepairApplication,
  insertRepairApplicationDocument,
  eraseRepairApplicationPersonalData,
  listRepairApplicationDocuments,
} from '../../db/mutations/repair-applications.ts'
import { findWorkflowRow } from '../../db/mutations/workflow.ts'
import { audit } from '../audit.ts'
import type { ServiceContext } from '../context.ts'
import { eraseAfterRetention, openContact, receiptNotFound, sealContact } from './submissions.ts'
import { spendSolution } from './altcha.ts'
import { hashAccessCode } from './complaints.ts'
import { cleanUploads } from './uploads.ts'

const KIND = { penalty: 'penalty', credit_record: 'creditRecord' } as const
const today = (ctx: ServiceContext) => todayInShanghai(new Date(ctx.nowMs))

/**
 * The record an online repair application is for, if repair can be applied for today: public,
 * a penalty or a bad record, past its minimum period, not repaired, nothing else pending on it.
 */
export async function repairTarget(
  ctx: ServiceContext,
  type: 'penalty' | 'credit_record',
  id: string
) {
  const n = Number(id)
  const row = Number.isSafeInteger(n) ? await findWorkflowRow(ctx.db, KIND[type], n) : undefined
  const notFound = () =>
    new NotFoundError('公示记录', `${type}:${id}`, {
      field: 'record',
      code: 'not_found',
      message: '这条记录目前没有公示，无需申请信用修复',
    })
  if (!row || !('publicUntil' in row) || !('subjectId' in row) || !row.subjectId) throw notFound()
  if ('kind' in row && row.kind === 'good')
    throw new PreconditionFailedError('良好信用记录无需信用修复')
  if (!isPubliclyVisible(row as Parameters<typeof isPubliclyVisible>[0], today(ctx)))
    throw notFound()
  const notYet = repairNotYetMessage(row.repairableFrom as string | null, today(ctx))
  if (notYet) throw new PreconditionFailedError(notYet)
  const subject = (await findSubjectRow(ctx.db, row.subjectId))!
  const label =
    'decisionNo' in row && typeof row.decisionNo === 'string'
      ? `${row.decisionNo}（${subject.name}）`
      : `${'title' in row ? row.title : ''}（${subject.name}）`
  return {
    row,
    subject,
    label,
    repairableFrom: row.repairableFrom as string,
    districtCode: row.districtCode,
  }
}

/**
 * 信用修复申请 online: it becomes the repair change request staff review today (submitted, with
 * the materials it came with), and the applicant tracks it by receipt. Free of charge.
 */
export async function submitRepairApplication(
  ctx: ServiceContext,
  input: RepairApplicationInput,
  files: { material: string; bytes: Uint8Array }[]
) {
  const issues: Issue[] = []
  const known = new Set(REPAIR_MATERIALS.map((m) => m.id))
  const valid = files.filter((f) => known.has(f.material))
  const cleaned = cleanUploads(
    valid.map((f) => f.bytes),
    'document',
    REPAIR_MATERIALS.length
  )
  // Each required material of the checklist (rules/repair.json) is its own upload field.
  for (const m of REPAIR_MATERIALS)
    if (m.required && !valid.some((f) => f.material === m.id))
      issues.push({ field: `material-${m.id}`, code: 'missing', message: `请上传：${m.label}` })
  const target = await repairTarget(ctx, input.record.type, input.record.id)
  if (target.subject.uscc !== normalizeUscc(input.uscc))
    issues.push({
      field: 'uscc',
      code: 'mismatch',
      message: '统一社会信用代码与这条记录的当事人不符，只有当事人本身可以申请信用修复',
    })
  if (issues.length) throw new ValidationError(issues)
  const target_ = KIND[input.record.type]
  const contactSealed = await sealContact(ctx, {
    name: input.applicantName,
    phone: input.contactPhone,
  })
  const accessCode = newAccessCode()
  const accessCodeHash = await hashAccessCode(accessCode)
  return ctx.db.transaction(async (tx) => {
    await spendSolution(tx, input.altcha, ctx.config.PASSWORD_PEPPER)
    if (await findOpenChange(tx, target_, input.record.id))
      throw new PreconditionFailedError('这条记录已有正在办理的申请，请等待办理结果')
    let receiptNo = newReceiptNo(today(ctx), 'XF')
    while (await findRepairApplicationByReceipt(tx, receiptNo))
      receiptNo = newReceiptNo(today(ctx), 'XF')
    const materials = [...new Set(valid.map((f) => f.material))]
    const change = await insertChangeRequest(tx, {
      targetKind: target_,
      targetId: input.record.id,
      action: 'repair',
      values: { receivedOn: today(ctx), materials, online: receiptNo },
      baseVersion: Number(target.row.version),
      // The public line once a reviewer approves it (they may reject instead, with a reason).
      reason: `当事人于${formatChineseDate(today(ctx))}在线申请信用修复，作出信用承诺并提交了修复材料。`,
      districtCode: target.districtCode,
      status: 'submitted',
      version: 1,
      createdBy: null,
      submittedBy: null,
      createdAt: new Date(ctx.nowMs),
    })
    const id = await insertRepairApplication(tx, {
      receiptNo,
      accessCodeHash,
      recordType: input.record.type,
      recordId: input.record.id,
      subjectId: target.subject.id,
      districtCode: target.districtCode,
      applicantRole: input.applicantRole,
      contactSealed,
      changeRequestId: change.id,
      submittedAt: ctx.nowMs,
    })
    for (const [k, d] of cleaned.entries())
      await insertRepairApplicationDocument(tx, {
        applicationId: id,
        material: valid[k]!.material,
        mediaType: d.type,
        bytes: Buffer.from(d.bytes),
      })
    await audit(tx, ctx, {
      action: 'repair_application.submit',
      actorName: 'public',
      objectType: 'change_request',
      objectId: change.id,
      detail: {
        receiptNo,
        record: `${input.record.type}:${input.record.id}`,
        materials,
        commitment: CREDIT_COMMITMENT.length,
      },
    })
    return { receiptNo, accessCode }
  })
}

/** What the applicant reads: the review's state, and a refusal's reason. */
export async function trackRepairApplication(ctx: ServiceContext, receiptNo: string, code: string) {
  const found = await findRepairApplicationByReceipt(ctx.db, receiptNo)
  if (!found || found.a.accessCodeHash !== (await hashAccessCode(code)))
    throw receiptNotFound(receiptNo)
  const c = found.change
  const refused = c.status === 'draft' && c.rejectionReason
  return {
    receiptNo,
    kind: 'repair' as const,
    status: c.status === 'published' ? 'closed' : refused ? 'refused' : 'in_progress',
    statusLabel:
      c.status === 'published' ? '已修复（已停止公示）' : refused ? '不予修复' : '审核中',
    submittedAt: new Date(found.a.submittedAt).toISOString(),
    acceptedAt: null,
    closedAt: null,
    refusalReason: refused ? c.rejectionReason : null,
    reply: null,
  }
}

// ——— Staff: the application behind a repair change request ———

async function inScopeApplication(ctx: ServiceContext, id: number) {
  const a = await findRepairApplication(ctx.db, id)
  if (!a || !inScope(ctx.actor!, a.districtCode)) throw new NotFoundError('信用修复申请', id)
  return a
}

export async function applicationOfChange(ctx: ServiceContext, changeRequestId: number) {
  const a = await findRepairApplicationByChange(ctx.db, changeRequestId)
  if (!a || !inScope(ctx.actor!, a.districtCode)) return null
  return {
    id: a.id,
    receiptNo: a.receiptNo,
    applicantRole: a.applicantRole,
    hasContact: a.contactSealed !== null,
    documents: await listRepairApplicationDocuments(ctx.db, a.id),
  }
}

export async function readApplicationContact(ctx: ServiceContext, id: number) {
  const a = await inScopeApplication(ctx, id)
  return openContact(ctx, a.contactSealed, {
    action: 'repair_application.contact_read',
    objectType: 'change_request',
    objectId: a.changeRequestId,
  })
}

export async function readApplicationDocument(ctx: ServiceContext, id: number, documentId: number) {
  const a = await inScopeApplication(ctx, id)
  const doc = await findRepairApplicationDocument(ctx.db, id, documentId)
  if (!doc) throw new NotFoundError('材料', documentId)
  await audit(ctx.db, ctx, {
    action: 'repair_application.document_read',
    objectType: 'change_request',
    objectId: a.changeRequestId,
  })
  return doc
}

/** Retention as for complaints: contact and materials go 24 months after the application. */
export const eraseExpiredRepairApplicationData = (ctx: ServiceContext) =>
  eraseAfterRetention(ctx, 'repair_application', eraseRepairApplicationPersonalData)
