import { changeColumns, changeTargetObjectType } from '../../db/domain/correction.ts'
import { todayInShanghai } from '../../db/domain/dates.ts'
import {
  ConflictError,
  PreconditionFailedError,
  VersionMismatchError,
} from '../../db/domain/errors.ts'
import { repairNotYetMessage } from '../../db/domain/repair.ts'
import { publicityWindow, ruleVersionFor, type Severity } from '../../db/domain/severity.ts'
import { updateSubjectIfVersion } from '../../db/mutations/change-requests.ts'
import { findSubjectRow } from '../../db/mutations/penalties.ts'
import { appendRecordEvent } from '../../db/mutations/record-events.ts'
import { upsertSubject } from '../../db/mutations/subjects.ts'
import type { DbOrTx } from '../../db/mutations/users.ts'
import { findWorkflowRow, transitionRecord } from '../../db/mutations/workflow.ts'
import type { changeRequests } from '../../db/schema/index.ts'
import type { ServiceContext } from '../context.ts'
import { withdrawalColumns } from './withdrawal-columns.ts'
import type { Subject } from '../../db/domain/subject.ts'

/**
 * Apply an approved change request inside the approving transaction: create the subject, or
 * write the corrected fields (refusing if the record moved on since the correction was drafted),
 * recompute a publicity window the correction affects, and add the public change-log line.
 */
export async function applyChange(
  tx: DbOrTx,
  ctx: ServiceContext,
  cr: typeof changeRequests.$inferSelect
): Promise<void> {
  const today = todayInShanghai(new Date(ctx.nowMs))
  const event = {
    objectType: changeTargetObjectType[cr.targetKind],
    objectId: cr.targetId,
    onDate: today,
    reason: cr.reason,
    createdAt: new Date(ctx.nowMs),
  }
  if (cr.action === 'create') {
    if (await findSubjectRow(tx, cr.targetId))
      throw new ConflictError('该主体已在平台公示，请改为更正其基本信息')
    const values = cr.values as Omit<Subject, 'id'>
    await upsertSubject(tx, {
      ...values,
      id: cr.targetId,
      status: 'published',
      createdAt: new Date(ctx.nowMs),
    })
    await appendRecordEvent(tx, { ...event, subjectId: cr.targetId, event: 'published' })
    return
  }
  const stale = new VersionMismatchError('该记录在提出申请后已发生变化，请退回此申请并重新提出')
  if (cr.action === 'withdraw' || cr.action === 'repair') {
    if (cr.targetKind === 'subject') throw stale
    const kind = cr.targetKind
    const id = Number(cr.targetId)
    const row = await findWorkflowRow(tx, kind, id)
    if (!row || row.status !== 'published' || row.version !== cr.baseVersion) throw stale
    let set: Record<string, unknown>
    if (cr.action === 'withdraw') {
      set = { status: 'withdrawn', ...withdrawalColumns(kind, today, cr.reason ?? '') }
    } else {
      // Checked again on the day of the decision: the record must still be repairable.
      const repairableFrom = 'repairableFrom' in row ? row.repairableFrom : null
      const notYet = repairNotYetMessage(repairableFrom, today)
      if (notYet) throw new PreconditionFailedError(notYet)
      set = { repairedOn: today }
    }
    if (!(await transitionRecord(tx, kind, id, row, set))) throw stale
    await appendRecordEvent(tx, {
      ...event,
      subjectId: 'subjectId' in row ? row.subjectId : null,
      event: cr.action === 'withdraw' ? 'withdrawn' : 'repaired',
    })
    return
  }
  const changes = cr.changes ?? []
  const set = changeColumns(cr.targetKind, changes)
  if (cr.targetKind === 'subject') {
    if (!(await updateSubjectIfVersion(tx, cr.targetId, cr.baseVersion ?? 0, set))) throw stale
    await appendRecordEvent(tx, { ...event, subjectId: cr.targetId, event: 'corrected', changes })
    return
  }
  const kind = cr.targetKind
  const id = Number(cr.targetId)
  const row = await findWorkflowRow(tx, kind, id)
  if (!row || row.status !== 'published' || row.version !== cr.baseVersion) throw stale
  // A corrected decision date or severity moves the publicity window with it (DESIGN §6).
  if ('severity' in row && ('decisionDate' in set || 'severity' in set)) {
    const decisionDate = (set.decisionDate as string | undefined) ?? row.decisionDate
    const severity = (set.severity as Severity | null | undefined) ?? row.severity
    const window = severity ? publicityWindow(decisionDate, severity) : null
    Object.assign(set, {
      ruleVersion: severity ? ruleVersionFor(decisionDate) : null,
      repairableFrom: window?.repairableFrom ?? null,
      publicUntil: window?.publicUntil ?? null,
    })
  }
  if (!(await transitionRecord(tx, kind, id, row, set))) throw stale
  await appendRecordEvent(tx, {
    ...event,
    subjectId: 'subjectId' in row ? row.subjectId : null,
    event: 'corrected',
    changes,
  })
}
