import { todayInShanghai } from '../../db/domain/dates.ts'
import type { DraftListEntryInput } from '../../db/domain/credit-list-input.ts'
import { NotFoundError, ValidationError } from '../../db/domain/errors.ts'
import { inScope } from '../../db/domain/user.ts'
import { insertListEntry } from '../../db/mutations/credit-list-entries.ts'
import { findAuthorityByName, findSubjectRow } from '../../db/mutations/penalties.ts'
import { audit } from '../audit.ts'
import type { ServiceContext } from '../context.ts'

/** 列入红名单/黑名单（草稿） — an editor proposes a list entry for a subject in its district. */
export async function draftListEntry(ctx: ServiceContext, input: DraftListEntryInput) {
  return ctx.db.transaction(async (tx) => {
    const subject = await findSubjectRow(tx, input.subjectId)
    if (!subject || !inScope(ctx.actor!, subject.districtCode))
      throw new NotFoundError('主体', input.subjectId)
    const issues = []
    if (input.decisionDate > todayInShanghai(new Date(ctx.nowMs))) {
      issues.push({ field: 'decisionDate', code: 'future', message: '列入日期不能晚于今天' })
    }
    const authority = await findAuthorityByName(tx, input.authority)
    if (!authority)
      issues.push({
        field: 'authority',
        code: 'unknown',
        message: '认定机关不在本平台的机关名录中',
      })
    if (issues.length) throw new ValidationError(issues)
    const { authority: _name, subjectId, ...fields } = input
    const row = await insertListEntry(tx, {
      ...fields,
      subjectId,
      authorityId: authority!.id,
      status: 'draft',
      version: 1,
      createdBy: ctx.actor!.id,
    })
    await audit(tx, ctx, {
      action: 'list_entry.draft',
      objectType: 'list_entry',
      objectId: row.id,
      detail: { list: input.list },
    })
    return { id: row.id, status: row.status, version: row.version }
  })
}
