import { todayInShanghai } from '../../db/domain/dates.ts'
import {
  ForbiddenError,
  NotFoundError,
  PreconditionFailedError,
  ValidationError,
  VersionMismatchError,
  type Issue,
} from '../../db/domain/errors.ts'
import type { OpenSupervisionInput } from '../../db/domain/listed-supervision-input.ts'
import { inScope } from '../../db/domain/user.ts'
import {
  advanceSupervision,
  findProjectRow,
  insertSupervision,
} from '../../db/mutations/listed-supervisions.ts'
import { enqueueRebuild } from '../../db/mutations/outbox.ts'
import { findSubjectRow } from '../../db/mutations/penalties.ts'
import type { DbOrTx } from '../../db/mutations/users.ts'
import { findWorkflowRow } from '../../db/mutations/workflow.ts'
import { audit } from '../audit.ts'
import { authorityOrIssue } from './resolve-refs.ts'
import type { ServiceContext } from '../context.ts'
import { reviseDraft } from './workflow.ts'

/** 挂牌督办（草稿） — publication then follows the shared workflow steps. */
export async function openSupervision(ctx: ServiceContext, input: OpenSupervisionInput) {
  return ctx.db.transaction(async (tx) => {
    const row = await insertSupervision(tx, {
      ...(await supervisionColumns(tx, ctx, input)),
      progress: 'supervising',
      status: 'draft',
      version: 1,
      createdBy: ctx.actor!.id,
    })
    await audit(tx, ctx, {
      action: 'supervision.draft',
      objectType: 'supervision',
      objectId: row.id,
    })
    return { id: row.id, status: row.status, version: row.version }
  })
}

/** 修改草稿 — checked again exactly as a new draft. */
export const reviseSupervision = (ctx: ServiceContext, id: number, input: OpenSupervisionInput) =>
  reviseDraft(ctx, 'supervision', id, (tx) => supervisionColumns(tx, ctx, input))

async function supervisionColumns(tx: DbOrTx, ctx: ServiceContext, input: OpenSupervisionInput) {
  const project = await findProjectRow(tx, input.projectId)
  if (!project || !inScope(ctx.actor!, project.districtCode))
    throw new NotFoundError('物业项目', input.projectId)
  const issues: Issue[] = []
  const authority = await authorityOrIssue(tx, input.authority, '督办机关', issues)
  if (input.subjectId && !(await findSubjectRow(tx, input.subjectId))) {
    issues.push({ field: 'subjectId', code: 'unknown', message: '未找到该责任主体' })
  }
  if (issues.length) throw new ValidationError(issues)
  const { authority: _name, ...fields } = input
  return {
    ...fields,
    subjectId: input.subjectId ?? null,
    violationType: input.violationType ?? null,
    districtCode: project.districtCode,
    authorityId: authority!.id,
  }
}

async function loadPublished(tx: DbOrTx, ctx: ServiceContext, id: number) {
  const row = await findWorkflowRow(tx, 'supervision', id)
  if (!row || !inScope(ctx.actor!, row.districtCode) || !('progress' in row))
    throw new NotFoundError('挂牌督办事项', id)
  if (row.status !== 'published')
    throw new PreconditionFailedError('督办事项公示后才能登记结果或销号')
  return row
}

/** 公布查处结果 — the published item moves to 已整改 with its result. */
export async function recordSupervisionResult(ctx: ServiceContext, id: number, result: string) {
  return ctx.db.transaction(async (tx) => {
    const row = await loadPublished(tx, ctx, id)
    if (row.progress !== 'supervising') throw new PreconditionFailedError('该事项已登记查处结果')
    if (
      !(await advanceSupervision(
        tx,
        id,
        { progress: 'supervising', version: row.version },
        { progress: 'rectified', result, resultBy: ctx.actor!.id }
      ))
    ) {
      throw new VersionMismatchError()
    }
    await enqueueRebuild(tx, 'supervision', String(id), 'result', ctx.nowMs)
    await audit(tx, ctx, { action: 'supervision.result', objectType: 'supervision', objectId: id })
    return { id, progress: 'rectified' as const }
  })
}

/** 销号 — a second person closes out an item whose result has been recorded. */
export async function closeOutSupervision(ctx: ServiceContext, id: number) {
  return ctx.db.transaction(async (tx) => {
    const row = await loadPublished(tx, ctx, id)
    if (row.progress !== 'rectified') throw new PreconditionFailedError('登记查处结果后方可销号')
    if (row.resultBy === ctx.actor!.id) throw new ForbiddenError('登记结果的人员不能为同一事项销号')
    const today = todayInShanghai(new Date(ctx.nowMs))
    if (
      !(await advanceSupervision(
        tx,
        id,
        { progress: 'rectified', version: row.version },
        { progress: 'closed_out', closedOutOn: today }
      ))
    ) {
      throw new VersionMismatchError()
    }
    await enqueueRebuild(tx, 'supervision', String(id), 'close_out', ctx.nowMs)
    await audit(tx, ctx, {
      action: 'supervision.close_out',
      objectType: 'supervision',
      objectId: id,
    })
    return { id, progress: 'closed_out' as const, closedOutOn: today }
  })
}
