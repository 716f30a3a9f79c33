import { publicityEndedMessage, publicityEndedOn, type Severity } from '../../db/domain/severity.ts'
import { todayInShanghai } from '../../db/domain/dates.ts'
import { NotFoundError, type Issue } from '../../db/domain/errors.ts'
import { wording } from '../../db/domain/wording.ts'
import { inScope } from '../../db/domain/user.ts'
import { findAuthorityByName, findSubjectRow } from '../../db/mutations/penalties.ts'
import type { DbOrTx } from '../../db/mutations/users.ts'
import type { ServiceContext } from '../context.ts'

/** A subject the actor may write for; one of another district is "not found" (no existence leak). */
export async function subjectInScope(
  tx: DbOrTx,
  ctx: ServiceContext,
  id: string,
  field = 'subjectId',
  label = '统一社会信用代码'
) {
  const subject = await findSubjectRow(tx, id)
  // Missing and out of scope answer alike (404, no leak), naming the field and both causes.
  if (!subject || !inScope(ctx.actor!, subject.districtCode))
    throw new NotFoundError('主体', id, {
      field,
      code: 'not_found',
      message: wording.notFoundInScope(label, id),
    })
  return subject
}

/** The authority by name, or an issue on `field` (its Chinese label says which authority). */
export async function authorityOrIssue(tx: DbOrTx, name: string, label: string, issues: Issue[]) {
  const authority = await findAuthorityByName(tx, name)
  if (!authority)
    issues.push({ field: 'authority', code: 'unknown', message: `${label}不在本平台的机关名录中` })
  return authority
}

/** A legal date may not lie in the future (Asia/Shanghai calendar). */
export function notInFuture(
  ctx: ServiceContext,
  date: string,
  field: string,
  label: string,
  issues: Issue[]
) {
  if (date > todayInShanghai(new Date(ctx.nowMs))) {
    issues.push({ field, code: 'future', message: `${label}不能晚于今天` })
  }
}

/**
 * A penalty or bad record whose publicity period has already ended today is never public:
 * refused at draft with the end date on its 决定日期 (issue 15; the workflow refuses it again at
 * submission and approval, since days pass between the steps).
 */
export function notPastPublicity(
  ctx: ServiceContext,
  decision: { decisionDate: string; severity?: Severity | null },
  label: string,
  issues: Issue[]
) {
  if (!decision.severity) return
  const ended = publicityEndedOn(
    decision.decisionDate,
    decision.severity,
    todayInShanghai(new Date(ctx.nowMs))
  )
  if (ended)
    issues.push({
      field: 'decisionDate',
      code: 'publicity_ended',
      message: publicityEndedMessage(label, ended),
    })
}
