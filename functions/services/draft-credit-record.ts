import type { DraftCreditRecordInput } from '../../db/domain/credit-record-input.ts'
import { ValidationError, type Issue } from '../../db/domain/errors.ts'
import { ruleVersionFor } from '../../db/domain/severity.ts'
import { insertCreditRecord } from '../../db/mutations/credit-records.ts'
import { audit } from '../audit.ts'
import { authorityOrIssue, notInFuture, notPastPublicity, subjectInScope } from './resolve-refs.ts'
import type { ServiceContext } from '../context.ts'
import type { DbOrTx } from '../../db/mutations/users.ts'
import { reviseDraft } from './workflow.ts'

/** 记录良好/不良信用信息（草稿） — for a subject in the editor's district. */
export async function draftCreditRecord(ctx: ServiceContext, input: DraftCreditRecordInput) {
  return ctx.db.transaction(async (tx) => {
    const row = await insertCreditRecord(tx, {
      ...(await creditRecordColumns(tx, ctx, input)),
      status: 'draft',
      version: 1,
      createdBy: ctx.actor!.id,
    })
    await audit(tx, ctx, {
      action: 'credit_record.draft',
      objectType: 'credit_record',
      objectId: row.id,
      detail: { kind: input.kind },
    })
    return { id: row.id, status: row.status, version: row.version }
  })
}

/** 修改草稿 — checked again exactly as a new draft. */
export const reviseCreditRecord = (
  ctx: ServiceContext,
  id: number,
  input: DraftCreditRecordInput
) => reviseDraft(ctx, 'creditRecord', id, (tx) => creditRecordColumns(tx, ctx, input))

async function creditRecordColumns(tx: DbOrTx, ctx: ServiceContext, input: DraftCreditRecordInput) {
  const subject = await subjectInScope(tx, ctx, input.subjectId)
  const issues: Issue[] = []
  notInFuture(ctx, input.decisionDate, 'decisionDate', '作出日期', issues)
  if (input.kind === 'bad') notPastPublicity(ctx, input, '不良信用记录', issues)
  const authority = await authorityOrIssue(tx, input.authority, '作出机关', issues)
  if (issues.length) throw new ValidationError(issues)
  return {
    subjectId: subject.id,
    kind: input.kind,
    category: input.category,
    title: input.title,
    content: input.content,
    authorityId: authority!.id,
    decisionNo: input.decisionNo ?? null,
    decisionDate: input.decisionDate,
    severity: input.severity ?? null,
    ruleVersion: input.kind === 'bad' ? ruleVersionFor(input.decisionDate) : null,
  }
}
