import {
  checkCorrected,
  currentValues,
  diffChanges,
  changeTargetLabel,
  type ChangeTarget,
  type WithdrawalRequestInput,
} from '../../db/domain/correction.ts'
import { todayInShanghai } from '../../db/domain/dates.ts'
import {
  missingMaterials,
  repairNotYetMessage,
  type RepairRequestInput,
} from '../../db/domain/repair.ts'
import {
  ConflictError,
  NotFoundError,
  PreconditionFailedError,
  ValidationError,
  type Issue,
} from '../../db/domain/errors.ts'
import type { ImportSubjectRow } from '../../db/domain/import-columns.ts'
import { inScope } from '../../db/domain/user.ts'
import { findOpenChange, insertChangeRequest } from '../../db/mutations/change-requests.ts'
import { findSubjectRow } from '../../db/mutations/penalties.ts'
import { findDistrictRow } from '../../db/mutations/subjects.ts'
import type { DbOrTx } from '../../db/mutations/users.ts'
import { findWorkflowRow } from '../../db/mutations/workflow.ts'
import { audit } from '../audit.ts'
import { duplicateNameWarnings } from './duplicate-names.ts'
import type { ServiceContext } from '../context.ts'
import { notInFuture, subjectInScope } from './resolve-refs.ts'

/** Imports and people enter changes the same way; an import has already been reviewed once. */
type Options = { submit?: boolean }

async function assertDistrict(tx: DbOrTx, ctx: ServiceContext, code: string) {
  if (!(await findDistrictRow(tx, code)))
    throw new ValidationError([
      { field: 'districtCode', code: 'unknown', message: '县区代码不在本平台的辖区名录中' },
    ])
  if (!inScope(ctx.actor!, code))
    throw new ValidationError([
      { field: 'districtCode', code: 'scope', message: '该县区不在您的辖区内' },
    ])
}

async function refuseIfOpen(tx: DbOrTx, target: ChangeTarget, targetId: string) {
  const open = await findOpenChange(tx, target, targetId)
  if (open)
    throw new ConflictError(
      `该${changeTargetLabel[target]}已有待处理的变更申请（编号 ${open.id}），请先处理`
    )
}

function workflowColumns(ctx: ServiceContext, opts: Options) {
  return {
    status: opts.submit ? ('submitted' as const) : ('draft' as const),
    version: 1,
    createdBy: ctx.actor!.id,
    submittedBy: opts.submit ? ctx.actor!.id : null,
    createdAt: new Date(ctx.nowMs),
  }
}

/**
 * 新增主体 — a new subject's basic information, published only when a second person approves
 * it (four-eyes, like every public record).
 */
export async function draftSubjectIn(
  tx: DbOrTx,
  ctx: ServiceContext,
  input: ImportSubjectRow,
  opts: Options = {}
) {
  await assertDistrict(tx, ctx, input.districtCode)
  if (await findSubjectRow(tx, input.uscc))
    throw new ConflictError('该统一社会信用代码的主体已在平台公示，请改为更正其基本信息')
  await refuseIfOpen(tx, 'subject', input.uscc)
  const { uscc, ...rest } = input
  const cr = await insertChangeRequest(tx, {
    targetKind: 'subject',
    targetId: uscc,
    action: 'create',
    values: {
      uscc,
      ...rest,
      legalRepresentative: rest.legalRepresentative ?? null,
      address: rest.address ?? null,
      establishedOn: rest.establishedOn ?? null,
    },
    districtCode: input.districtCode,
    ...workflowColumns(ctx, opts),
  })
  await audit(tx, ctx, {
    action: opts.submit ? 'subject.draft_submit' : 'subject.draft',
    objectType: 'change_request',
    objectId: cr.id,
    detail: { subject: uscc },
  })
  return { id: cr.id, status: cr.status, version: cr.version }
}

/**
 * A new subject from the console: the draft, plus possible-duplicate warnings (D7). Bulk import
 * skips the warnings — a scan of every published name per row would not scale to 20,000 rows.
 */
export async function draftSubject(ctx: ServiceContext, input: ImportSubjectRow) {
  const draft = await ctx.db.transaction((tx) => draftSubjectIn(tx, ctx, input))
  return { ...draft, warnings: await duplicateNameWarnings(ctx.db, input.name, input.uscc) }
}

/** The published record a correction is about, in the actor's scope, as a plain row. */
async function loadTarget(tx: DbOrTx, ctx: ServiceContext, target: ChangeTarget, id: string) {
  if (target === 'subject') {
    const s = await subjectInScope(tx, ctx, id)
    return { row: s as Record<string, unknown>, district: s.districtCode, subjectKind: s.kind }
  }
  const numeric = Number(id)
  const row = Number.isSafeInteger(numeric) ? await findWorkflowRow(tx, target, numeric) : null
  if (!row || !inScope(ctx.actor!, row.districtCode))
    throw new NotFoundError(changeTargetLabel[target], id)
  const subjectId = 'subjectId' in row ? row.subjectId : null
  const subject = subjectId ? await findSubjectRow(tx, subjectId) : undefined
  return {
    row: row as Record<string, unknown>,
    district: row.districtCode,
    subjectKind: subject?.kind,
  }
}

/**
 * 更正 — a correction of a published record: only the fields that really change are kept, the
 * record as corrected must pass the rules its draft passed, and one correction per record is
 * open at a time. The public site changes only when a second person approves it.
 */
export async function draftCorrectionIn(
  tx: DbOrTx,
  ctx: ServiceContext,
  target: ChangeTarget,
  id: string,
  input: { changes: Record<string, unknown>; reason: string },
  opts: Options = {}
) {
  const { row, district, subjectKind } = await loadTarget(tx, ctx, target, id)
  if (row.status !== 'published')
    throw new PreconditionFailedError('只有已公示的记录可以更正；草稿请直接修改后重新提交')
  if ('removedOn' in row && row.removedOn)
    throw new PreconditionFailedError('已移出名单的条目不能更正')
  const current = currentValues(target, row)
  const changes = diffChanges(target, current, input.changes)
  if (!changes.length)
    throw new ValidationError([
      { field: 'changes', code: 'unchanged', message: '更正内容与现有内容相同' },
    ])
  const today = todayInShanghai(new Date(ctx.nowMs))
  const issues = checkCorrected(
    target,
    { ...row, ...current, ...input.changes },
    {
      today,
      subjectKind,
      recordKind: typeof row.kind === 'string' ? row.kind : undefined,
      list: typeof row.list === 'string' ? row.list : undefined,
    }
  ).map((i) => ({ ...i, field: `changes.${i.field}` }))
  if (issues.length) throw new ValidationError(issues)
  if (target === 'subject' && typeof input.changes.districtCode === 'string')
    await assertDistrict(tx, ctx, input.changes.districtCode)
  await refuseIfOpen(tx, target, id)
  const cr = await insertChangeRequest(tx, {
    targetKind: target,
    targetId: id,
    action: 'correct',
    changes,
    baseVersion: Number(row.version),
    reason: input.reason,
    districtCode: district,
    ...workflowColumns(ctx, opts),
  })
  await audit(tx, ctx, {
    action: 'correction.draft',
    objectType: 'change_request',
    objectId: cr.id,
    reason: input.reason,
    detail: { target, targetId: id, fields: changes.map((c) => c.field) },
  })
  return { id: cr.id, status: cr.status, version: cr.version }
}

export const draftCorrection = (
  ctx: ServiceContext,
  target: ChangeTarget,
  id: string,
  input: { changes: Record<string, unknown>; reason: string }
) => ctx.db.transaction((tx) => draftCorrectionIn(tx, ctx, target, id, input))

/**
 * A request about a published record that a reviewer decides (撤回, 信用修复): loaded in scope,
 * checked, entered as submitted — the bureau has received something and a clock is running.
 */
async function requestOnPublished(
  ctx: ServiceContext,
  target: Exclude<ChangeTarget, 'subject'>,
  id: string,
  request: {
    action: 'withdraw' | 'repair'
    values: Record<string, unknown>
    reason: string
    /** Issues with the input (422) or a refusal thrown by the rule (409). */
    check: (row: Record<string, unknown>, today: string) => Issue[]
  }
) {
  return ctx.db.transaction(async (tx) => {
    const { row, district } = await loadTarget(tx, ctx, target, id)
    if (row.status !== 'published') throw new PreconditionFailedError('只有公示中的记录可以办理')
    const issues = request.check(row, todayInShanghai(new Date(ctx.nowMs)))
    if (issues.length) throw new ValidationError(issues)
    await refuseIfOpen(tx, target, id)
    const cr = await insertChangeRequest(tx, {
      targetKind: target,
      targetId: id,
      action: request.action,
      values: request.values,
      baseVersion: Number(row.version),
      reason: request.reason,
      districtCode: district,
      ...workflowColumns(ctx, { submit: true }),
    })
    await audit(tx, ctx, {
      action: `${request.action === 'withdraw' ? 'withdrawal' : 'repair'}.request`,
      objectType: 'change_request',
      objectId: cr.id,
      reason: request.reason,
      detail: { target, targetId: id, ...request.values },
    })
    return { id: cr.id, status: cr.status, version: cr.version }
  })
}

/**
 * 撤回申请 — an editor records that the decision behind a published record was changed or
 * revoked (on `changedOn`); a reviewer's approval withdraws it with the reason published. The
 * 3-working-day clock starts on `changedOn`.
 */
export const requestWithdrawal = (
  ctx: ServiceContext,
  target: Exclude<ChangeTarget, 'subject'>,
  id: string,
  input: WithdrawalRequestInput
) =>
  requestOnPublished(ctx, target, id, {
    action: 'withdraw',
    values: { changedOn: input.changedOn },
    reason: input.reason,
    check: () => {
      const issues: Issue[] = []
      notInFuture(ctx, input.changedOn, 'changedOn', '决定变更或撤销日期', issues)
      return issues
    },
  })

/**
 * 信用修复申请 — an application for a penalty or bad record, with the materials received. Refused
 * before the minimum publicity period or without the required materials; a reviewer's approval
 * takes the record out of public view like expiry.
 */
export const requestRepair = (
  ctx: ServiceContext,
  target: 'penalty' | 'creditRecord',
  id: string,
  input: RepairRequestInput
) =>
  requestOnPublished(ctx, target, id, {
    action: 'repair',
    values: { receivedOn: input.receivedOn, materials: input.materials },
    reason: input.reason,
    check: (row, today) => {
      if (row.kind === 'good') throw new PreconditionFailedError('良好信用记录无需信用修复')
      if (row.repairedOn) throw new PreconditionFailedError('该记录已完成信用修复')
      const notYet = repairNotYetMessage(row.repairableFrom as string | null, today)
      if (notYet) throw new PreconditionFailedError(notYet)
      const issues = missingMaterials(input.materials)
      notInFuture(ctx, input.receivedOn, 'receivedOn', '申请受理日期', issues)
      return issues
    },
  })
