import { PreconditionFailedError } from '../../db/domain/errors.ts'
import {
  publicityEndedMessage,
  publicityEndedOn,
  publicityWindow,
  type RuleVersion,
  type Severity,
} from '../../db/domain/severity.ts'
import { isPubliclyVisible, LINKED_PENALTY_OUT_OF_VIEW } from '../../db/domain/visibility.ts'
import { findPenaltyRow } from '../../db/mutations/penalties.ts'
import type { WorkflowKind } from '../../db/mutations/workflow.ts'
import type { DbOrTx } from '../../db/mutations/users.ts'
import type { ServiceContext } from '../context.ts'
import { applyChange } from './apply-change.ts'
import { withdrawalColumns } from './withdrawal-columns.ts'
import type {
  changeRequests,
  creditListEntries,
  creditRecords,
  listedSupervisions,
  penalties,
  typicalCases,
} from '../../db/schema/index.ts'

export type RowOf<K extends WorkflowKind> = K extends 'penalty'
  ? typeof penalties.$inferSelect
  : K extends 'typicalCase'
    ? typeof typicalCases.$inferSelect
    : K extends 'creditRecord'
      ? typeof creditRecords.$inferSelect & { districtCode: string }
      : K extends 'supervision'
        ? typeof listedSupervisions.$inferSelect
        : K extends 'change'
          ? typeof changeRequests.$inferSelect
          : typeof creditListEntries.$inferSelect & { districtCode: string }

/** What differs between kinds of record in the shared workflow. */
export type KindSpec<K extends WorkflowKind> = {
  /** Chinese name for messages (行政处罚 …) and the audit object type. */
  label: string
  objectType: string
  beforeSubmit?: (row: RowOf<K>) => void
  /**
   * Refuses a record that would not be public on `today` (its publicity period or validity has
   * ended): checked at submission and again at approval, since days pass between the steps.
   */
  stillPublishable?: (tx: DbOrTx, row: RowOf<K>, today: string) => Promise<void> | void
  /** Columns fixed at publication. */
  onApprove?: (row: RowOf<K>, today: string) => Record<string, unknown>
  /** Columns recording a withdrawal (撤回) and its public reason. */
  onWithdraw: (today: string, reason: string) => Record<string, unknown>
  /** Work in the approving transaction beyond the status change (applying a change request). */
  afterApprove?: (tx: DbOrTx, ctx: ServiceContext, row: RowOf<K>) => Promise<void>
  /**
   * Whether approve and withdraw add a line to the record's public change log; a change request
   * writes its own (the corrected record's, not the request's).
   */
  publicLog: boolean
}

export const KINDS: { [K in WorkflowKind]: KindSpec<K> } = {
  penalty: {
    label: '行政处罚',
    publicLog: true,
    objectType: 'penalty',
    // 轻微 decisions are never published (NDRC Order 36), so they are never submitted.
    beforeSubmit: (row) => {
      if (row.severity === 'minor')
        throw new PreconditionFailedError('轻微失信信息依法不予公示，无需提交审核')
    },
    stillPublishable: (_tx, row, today) =>
      refuseEnded('行政处罚', row.decisionDate, row.severity, row.ruleVersion, today),
    // The publicity window is fixed from the decision date and the rule version in force then.
    onApprove: (row) => {
      const window = publicityWindow(row.decisionDate, row.severity, row.ruleVersion)
      return {
        repairableFrom: window?.repairableFrom ?? null,
        publicUntil: window?.publicUntil ?? null,
      }
    },
    onWithdraw: (today, reason) => withdrawalColumns('penalty', today, reason),
  },
  listEntry: {
    label: '红黑名单条目',
    publicLog: true,
    objectType: 'list_entry',
    stillPublishable: (_tx, row, today) => {
      if (row.validUntil < today)
        throw new PreconditionFailedError(
          `该名单条目的有效期已于${row.validUntil}届满，依法不再公示。请核对有效期；已届满的认定无需录入本平台。`
        )
    },
    onWithdraw: (today, reason) => withdrawalColumns('listEntry', today, reason),
  },
  creditRecord: {
    label: '信用记录',
    publicLog: true,
    objectType: 'credit_record',
    // A bad record is public for its severity's window, like a penalty; a good one has none.
    onApprove: (row) => {
      if (row.kind === 'good' || !row.severity) return {}
      const window = publicityWindow(row.decisionDate, row.severity, row.ruleVersion ?? undefined)
      return {
        repairableFrom: window?.repairableFrom ?? null,
        publicUntil: window?.publicUntil ?? null,
      }
    },
    stillPublishable: (_tx, row, today) => {
      if (row.kind === 'bad' && row.severity)
        refuseEnded('不良信用记录', row.decisionDate, row.severity, row.ruleVersion, today)
    },
    beforeSubmit: (row) => {
      if (row.kind === 'bad' && row.severity === 'minor') {
        throw new PreconditionFailedError('轻微失信信息依法不予公示，无需提交审核')
      }
    },
    onWithdraw: (today, reason) => withdrawalColumns('creditRecord', today, reason),
  },
  supervision: {
    label: '挂牌督办事项',
    publicLog: true,
    objectType: 'supervision',
    onWithdraw: (today, reason) => withdrawalColumns('supervision', today, reason),
  },
  typicalCase: {
    label: '典型案例',
    publicLog: true,
    objectType: 'typical_case',
    // A case about a penalty repeats it: not once the penalty has left public view.
    stillPublishable: async (tx, row, today) => {
      if (!row.penaltyId) return
      const penalty = await findPenaltyRow(tx, row.penaltyId)
      if (penalty && !isPubliclyVisible(penalty, today))
        throw new PreconditionFailedError(LINKED_PENALTY_OUT_OF_VIEW)
    },
    // A case is dated by its publication, the day a second person approves it.
    onApprove: (_row, today) => ({ publishedOn: today }),
    onWithdraw: (today, reason) => withdrawalColumns('typicalCase', today, reason),
  },
  change: {
    label: '变更申请',
    objectType: 'change_request',
    publicLog: false,
    afterApprove: applyChange,
    onWithdraw: () => {
      throw new PreconditionFailedError('已生效的变更不能撤回；如需改回，请再次提出更正')
    },
  },
}

/** A dated decision past its publicity period cannot be submitted or approved. */
function refuseEnded(
  label: string,
  decisionDate: string,
  severity: Severity,
  ruleVersion: RuleVersion | null,
  today: string
) {
  const ended = publicityEndedOn(decisionDate, severity, today, ruleVersion ?? undefined)
  if (ended) throw new PreconditionFailedError(publicityEndedMessage(label, ended))
}

export function kindSpec<K extends WorkflowKind>(kind: K): KindSpec<K> {
  return KINDS[kind] as KindSpec<K>
}
