import type { DraftCreditRecordInput } from '../../db/domain/credit-record-input.ts'
import { todayInShanghai } from '../../db/domain/dates.ts'
import { NotFoundError, ValidationError } from '../../db/domain/errors.ts'
import { ruleVersionFor } from '../../db/domain/severity.ts'
import { inScope } from '../../db/domain/user.ts'
import { insertCreditRecord } from '../../db/mutations/credit-records.ts'
import { findAuthorityByName, findSubjectRow } from '../../db/mutations/penalties.ts'
import { audit } from '../audit.ts'
import type { ServiceContext } from '../context.ts'

/** 记录良好/不良信用信息（草稿） — for a subject in the editor's district. */
export async function draftCreditRecord(ctx: ServiceContext, input: DraftCreditRecordInput) {
  return ctx.db.transaction(async (tx) => {
    const subject = await findSubjectRow(tx, input.subjectId)
    if (!subject || !inScope(ctx.actor!, subject.districtCode))
      throw new NotFoundError('主体', input.subjectId)
    const issues = []
    if (input.decisionDate > todayInShanghai(new Date(ctx.nowMs))) {
      issues.push({ field: 'decisionDate', code: 'future', message: '作出日期不能晚于今天' })
    }
    const authority = await findAuthorityByName(tx, input.authority)
    if (!authority)
      issues.push({
        field: 'authority',
        code: 'unknown',
        message: '作出机关不在本平台的机关名录中',
      })
    if (issues.length) throw new ValidationError(issues)
    const row = await insertCreditRecord(tx, {
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
