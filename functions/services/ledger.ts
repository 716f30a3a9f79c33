import { escalationLabel, type Escalation, type LedgerStatus } from '../../db/domain/campaign.ts'
import { todayInShanghai } from '../../db/domain/dates.ts'
import {
  ForbiddenError,
  NotFoundError,
  PreconditionFailedError,
  ValidationError,
  VersionMismatchError,
  type Issue,
} from '../../db/domain/errors.ts'
import type { RecordLedgerItemInput } from '../../db/domain/ledger-input.ts'
import { inScope } from '../../db/domain/user.ts'
import { findViolationType } from '../../db/domain/violation-type.ts'
import {
  advanceLedgerItem,
  findLedgerItemRow,
  insertLedgerItem,
} from '../../db/mutations/campaign.ts'
import { findProjectRow } from '../../db/mutations/listed-supervisions.ts'
import { advanceComplaint, findComplaint } from '../../db/mutations/complaints.ts'
import { enqueueRebuild } from '../../db/mutations/outbox.ts'
import { findSubjectRow } from '../../db/mutations/penalties.ts'
import type { DbOrTx } from '../../db/mutations/users.ts'
import { findWorkflowRow, type WorkflowKind } from '../../db/mutations/workflow.ts'
import { audit } from '../audit.ts'
import type { ServiceContext } from '../context.ts'

const today = (ctx: ServiceContext) => todayInShanghai(new Date(ctx.nowMs))

/** 记入台账 — a problem found; its district is its project's or subject's, inside the actor's scope. */
export async function recordLedgerItem(ctx: ServiceContext, input: RecordLedgerItemInput) {
  const actor = ctx.actor!
  return ctx.db.transaction(async (tx) => {
    const issues: Issue[] = []
    if (input.foundOn > today(ctx))
      issues.push({ field: 'foundOn', code: 'future', message: '发现日期不能晚于今天' })
    const project = input.projectId ? await findProjectRow(tx, input.projectId) : undefined
    const subject = input.subjectId ? await findSubjectRow(tx, input.subjectId) : undefined
    if (input.projectId && (!project || !inScope(actor, project.districtCode)))
      throw new NotFoundError('物业项目', input.projectId)
    if (input.subjectId && (!subject || (!project && !inScope(actor, subject.districtCode))))
      throw new NotFoundError('主体', input.subjectId)
    const type = findViolationType(input.violationType)!
    if (subject && type.subjectKind !== subject.kind)
      issues.push({
        field: 'violationType',
        code: 'kind',
        message: '问题类型与责任主体的类型不符',
      })
    const districtCode =
      project?.districtCode ?? subject?.districtCode ?? actor.district ?? input.districtCode
    if (!districtCode)
      issues.push({ field: 'districtCode', code: 'required', message: '请选择所属县区' })
    if (issues.length) throw new ValidationError(issues)
    const complaint = input.complaintId ? await findComplaint(tx, input.complaintId) : undefined
    if (input.complaintId && (!complaint || !inScope(actor, complaint.districtCode)))
      throw new NotFoundError('投诉', input.complaintId)
    if (complaint && complaint.status !== 'in_progress')
      throw new PreconditionFailedError('投诉受理后才能记入整治台账')
    const { districtCode: _ignored, complaintId: _complaint, ...fields } = input
    const row = await insertLedgerItem(tx, {
      ...fields,
      subjectId: input.subjectId ?? null,
      projectId: input.projectId ?? null,
      districtCode: districtCode!,
      status: 'open',
      version: 1,
      createdBy: actor.id,
      createdAt: ctx.nowMs,
    })
    // The public campaign page counts ledger items: the next build brings the new figures.
    await enqueueRebuild(tx, 'ledger', String(row.id), 'record', ctx.nowMs)
    // A complaint recorded as a ledger item points to it (the complaint's page links the item).
    if (
      complaint &&
      !(await advanceComplaint(tx, complaint.id, complaint.version, { ledgerItemId: row.id }))
    )
      throw new VersionMismatchError()
    await audit(tx, ctx, {
      action: 'ledger.record',
      objectType: 'ledger',
      objectId: row.id,
      detail: complaint ? { complaintId: complaint.id } : undefined,
    })
    return { id: row.id, status: row.status, version: row.version }
  })
}

async function loadInScope(tx: DbOrTx, ctx: ServiceContext, id: number) {
  const row = await findLedgerItemRow(tx, id)
  if (!row || !inScope(ctx.actor!, row.districtCode)) throw new NotFoundError('台账事项', id)
  return row
}

/** One step of an item's life, in one transaction with its audit row. */
async function step(
  ctx: ServiceContext,
  id: number,
  action: string,
  from: readonly LedgerStatus[],
  refusal: string,
  set: (row: Awaited<ReturnType<typeof loadInScope>>) => Parameters<typeof advanceLedgerItem>[3],
  check?: (row: Awaited<ReturnType<typeof loadInScope>>) => Promise<void> | void,
  reason?: string
) {
  return ctx.db.transaction(async (tx) => {
    const row = await loadInScope(tx, ctx, id)
    if (!from.includes(row.status)) throw new PreconditionFailedError(refusal)
    await check?.(row)
    const changes = set(row)
    if (!(await advanceLedgerItem(tx, id, { statuses: from, version: row.version }, changes)))
      throw new VersionMismatchError()
    await enqueueRebuild(tx, 'ledger', String(id), action, ctx.nowMs)
    await audit(tx, ctx, { action, objectType: 'ledger', objectId: id, reason })
    return { id, status: changes.status!, version: row.version + 1 }
  })
}

/** 开始整改 */
export const startRectification = (ctx: ServiceContext, id: number) =>
  step(ctx, id, 'ledger.start', ['open'], '只有待整改的事项可以开始整改', () => ({
    status: 'rectifying',
  }))

/** 整改完成 — with what was done and the evidence; a second person closes it out. */
export const markRectified = (ctx: ServiceContext, id: number, evidence: string) =>
  step(ctx, id, 'ledger.rectified', ['open', 'rectifying'], '该事项已整改或已办结', () => ({
    status: 'rectified',
    evidence,
    rectifiedOn: today(ctx),
    rectifiedBy: ctx.actor!.id,
  }))

/** 销号 — a reviewer who neither recorded the item nor marked it rectified (four-eyes). */
export const closeOutLedgerItem = (ctx: ServiceContext, id: number) =>
  step(
    ctx,
    id,
    'ledger.close_out',
    ['rectified'],
    '整改完成并提交佐证材料后方可销号',
    () => ({ status: 'closed_out', closedOutOn: today(ctx), closedOutBy: ctx.actor!.id }),
    (row) => {
      if (row.rectifiedBy === ctx.actor!.id || row.createdBy === ctx.actor!.id)
        throw new ForbiddenError('登记或确认整改的人员不能为同一事项销号')
    }
  )

const ESCALATION_KIND: Record<Escalation, WorkflowKind> = {
  penalty: 'penalty',
  black_list: 'listEntry',
  supervision: 'supervision',
}

/**
 * 转处罚或惩戒 — the item is carried on by a penalty, a black-list entry or listed supervision,
 * which must exist, be published and lie in the same district.
 */
export const escalateLedgerItem = (ctx: ServiceContext, id: number, to: Escalation, ref: string) =>
  step(
    ctx,
    id,
    'ledger.escalate',
    ['open', 'rectifying', 'rectified'],
    '该事项已办结',
    () => ({ status: 'escalated', escalatedTo: to, escalationRef: ref, escalatedOn: today(ctx) }),
    async (row) => {
      const target = /^\d+$/.test(ref)
        ? await findWorkflowRow(ctx.db, ESCALATION_KIND[to], Number(ref))
        : undefined
      const fits =
        target &&
        target.status === 'published' &&
        target.districtCode === row.districtCode &&
        (to !== 'black_list' || ('list' in target && target.list === 'black'))
      if (!fits)
        throw new ValidationError([
          {
            field: 'ref',
            code: 'unknown',
            message: `未找到本县区已公示的${escalationLabel[to]}记录（编号 ${ref}）`,
          },
        ])
    },
    `${escalationLabel[to]} ${ref}`
  )
