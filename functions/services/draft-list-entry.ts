import { todayInShanghai } from '../../db/domain/dates.ts'
import type { DraftListEntryInput } from '../../db/domain/credit-list-input.ts'
import { ValidationError, type Issue } from '../../db/domain/errors.ts'
import { insertListEntry } from '../../db/mutations/credit-list-entries.ts'
import { audit } from '../audit.ts'
import { authorityOrIssue, notInFuture, subjectInScope } from './resolve-refs.ts'
import type { ServiceContext } from '../context.ts'
import type { DbOrTx } from '../../db/mutations/users.ts'
import { reviseDraft } from './workflow.ts'

/** 列入红名单/黑名单（草稿） — an editor proposes a list entry for a subject in its district. */
export async function draftListEntry(ctx: ServiceContext, input: DraftListEntryInput) {
  return ctx.db.transaction(async (tx) => {
    const row = await insertListEntry(tx, {
      ...(await listEntryColumns(tx, ctx, input)),
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

/** 修改草稿 — checked again exactly as a new draft. */
export const reviseListEntry = (ctx: ServiceContext, id: number, input: DraftListEntryInput) =>
  reviseDraft(ctx, 'listEntry', id, (tx) => listEntryColumns(tx, ctx, input))

async function listEntryColumns(tx: DbOrTx, ctx: ServiceContext, input: DraftListEntryInput) {
  await subjectInScope(tx, ctx, input.subjectId)
  const issues: Issue[] = []
  notInFuture(ctx, input.decisionDate, 'decisionDate', '列入日期', issues)
  if (input.validUntil < todayInShanghai(new Date(ctx.nowMs)))
    issues.push({
      field: 'validUntil',
      code: 'publicity_ended',
      message: `有效期已于${input.validUntil}届满，依法不再公示；请核对有效期，已届满的认定无需录入本平台。`,
    })
  const authority = await authorityOrIssue(tx, input.authority, '认定机关', issues)
  if (issues.length) throw new ValidationError(issues)
  const { authority: _name, ...fields } = input
  return { ...fields, authorityId: authority!.id }
}
