import { ConflictError, ValidationError, type Issue } from '../../db/domain/errors.ts'
import { BUREAU_PENALTY_CATEGORIES } from '../../db/domain/penalty.ts'
import type { DraftPenaltyInput } from '../../db/domain/penalty-input.ts'
import { ruleVersionFor } from '../../db/domain/severity.ts'
import { findViolationType } from '../../db/domain/violation-type.ts'
import { findPenaltyByDecisionNo, insertPenalty } from '../../db/mutations/penalties.ts'
import type { DbOrTx } from '../../db/mutations/users.ts'
import { audit } from '../audit.ts'
import { authorityOrIssue, notInFuture, notPastPublicity, subjectInScope } from './resolve-refs.ts'
import type { ServiceContext } from '../context.ts'
import { reviseDraft } from './workflow.ts'

/** 起草行政处罚 — an editor drafts a penalty for a subject in its district. */
export async function draftPenalty(ctx: ServiceContext, input: DraftPenaltyInput) {
  return ctx.db.transaction((tx) => draftPenaltyIn(tx, ctx, input))
}

/** The same, inside a caller's transaction (bulk import runs many in one chunk). */
export async function draftPenaltyIn(tx: DbOrTx, ctx: ServiceContext, input: DraftPenaltyInput) {
  const row = await insertPenalty(tx, {
    ...(await penaltyColumns(tx, ctx, input)),
    status: 'draft',
    version: 1,
    createdBy: ctx.actor!.id,
  })
  await audit(tx, ctx, {
    action: 'penalty.draft',
    objectType: 'penalty',
    objectId: row.id,
    detail: { decisionNo: row.decisionNo },
  })
  return { id: row.id, status: row.status, version: row.version }
}

/** 修改草稿 — the author's draft checked again as a new one, its own 文号 excepted. */
export const revisePenalty = (ctx: ServiceContext, id: number, input: DraftPenaltyInput) =>
  reviseDraft(ctx, 'penalty', id, (tx) => penaltyColumns(tx, ctx, input, id))

/** What a draft stores, after every check a new draft and a revised one share. */
async function penaltyColumns(
  tx: DbOrTx,
  ctx: ServiceContext,
  input: DraftPenaltyInput,
  selfId?: number
) {
  const subject = await subjectInScope(
    tx,
    ctx,
    input.subjectUscc,
    'subjectUscc',
    '当事人统一社会信用代码'
  )
  const issues: Issue[] = []
  notInFuture(ctx, input.decisionDate, 'decisionDate', '处罚决定日期', issues)
  notPastPublicity(ctx, input, '行政处罚', issues)
  if (findViolationType(input.violationType)?.subjectKind !== subject.kind) {
    issues.push({ field: 'violationType', code: 'kind', message: '违法行为类型与当事人类型不符' })
  }
  if (!BUREAU_PENALTY_CATEGORIES.includes(input.category))
    issues.push({
      field: 'category',
      code: 'not_for_bureau',
      message:
        '行政拘留只能由公安机关对个人作出，住房和城乡建设部门不能对企业作出，请选择其他处罚类别',
    })
  const authority = await authorityOrIssue(tx, input.authority, '处罚机关', issues)
  if (issues.length) throw new ValidationError(issues)
  const same = await findPenaltyByDecisionNo(tx, authority!.id, input.decisionNo)
  if (same && same.id !== selfId) throw new ConflictError('该处罚机关已有相同文号的处罚决定')
  return {
    subjectId: subject.id,
    partyName: subject.name,
    partyCategory: 'legal_person' as const,
    partyUscc: subject.uscc,
    legalRepresentative: subject.legalRepresentative,
    decisionNo: input.decisionNo,
    violationType: input.violationType,
    facts: input.facts,
    legalBasis: input.legalBasis,
    categories: [input.category],
    content: input.content,
    fineFen: input.fineYuan === undefined ? null : Math.round(input.fineYuan * 100),
    decisionDate: input.decisionDate,
    authorityId: authority!.id,
    dataSourceId: authority!.id,
    severity: input.severity,
    ruleVersion: ruleVersionFor(input.decisionDate),
    districtCode: subject.districtCode,
  }
}
