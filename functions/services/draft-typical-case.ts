import { todayInShanghai } from '../../db/domain/dates.ts'
import { ValidationError, type Issue } from '../../db/domain/errors.ts'
import type { DraftTypicalCaseInput } from '../../db/domain/typical-case-input.ts'
import { isPubliclyVisible, LINKED_PENALTY_OUT_OF_VIEW } from '../../db/domain/visibility.ts'
import { findPenaltyRow } from '../../db/mutations/penalties.ts'
import { insertTypicalCase } from '../../db/mutations/typical-cases.ts'
import { audit } from '../audit.ts'
import { authorityOrIssue, subjectInScope } from './resolve-refs.ts'
import type { ServiceContext } from '../context.ts'
import type { DbOrTx } from '../../db/mutations/users.ts'
import { reviseDraft } from './workflow.ts'

/** 起草典型案例 — linked to its subject and, where there is one, the penalty it reports. */
export async function draftTypicalCase(ctx: ServiceContext, input: DraftTypicalCaseInput) {
  return ctx.db.transaction(async (tx) => {
    const row = await insertTypicalCase(tx, {
      ...(await typicalCaseColumns(tx, ctx, input)),
      // Replaced by the approval date when a second person publishes it.
      publishedOn: todayInShanghai(new Date(ctx.nowMs)),
      status: 'draft',
      version: 1,
      createdBy: ctx.actor!.id,
    })
    await audit(tx, ctx, {
      action: 'typical_case.draft',
      objectType: 'typical_case',
      objectId: row.id,
    })
    return { id: row.id, status: row.status, version: row.version }
  })
}

/** 修改草稿 — checked again exactly as a new draft. */
export const reviseTypicalCase = (ctx: ServiceContext, id: number, input: DraftTypicalCaseInput) =>
  reviseDraft(ctx, 'typicalCase', id, (tx) => typicalCaseColumns(tx, ctx, input))

async function typicalCaseColumns(tx: DbOrTx, ctx: ServiceContext, input: DraftTypicalCaseInput) {
  const subject = await subjectInScope(tx, ctx, input.subjectId)
  const issues: Issue[] = []
  const authority = await authorityOrIssue(tx, input.authority, '发布机关', issues)
  const penalty = input.penaltyId ? await findPenaltyRow(tx, input.penaltyId) : undefined
  if (input.penaltyId && penalty?.subjectId !== subject.id) {
    issues.push({ field: 'penaltyId', code: 'mismatch', message: '关联的行政处罚不属于该主体' })
  } else if (
    penalty &&
    (penalty.status === 'withdrawn' ||
      (penalty.status === 'published' &&
        !isPubliclyVisible(penalty, todayInShanghai(new Date(ctx.nowMs)))))
  ) {
    issues.push({
      field: 'penaltyId',
      code: 'publicity_ended',
      message: LINKED_PENALTY_OUT_OF_VIEW,
    })
  }
  if (issues.length) throw new ValidationError(issues)
  const { authority: _name, penaltyId, ...sections } = input
  return {
    ...sections,
    penaltyId: penaltyId ?? null,
    projectId: penalty?.projectId ?? null,
    districtCode: subject.districtCode,
    authorityId: authority!.id,
  }
}
