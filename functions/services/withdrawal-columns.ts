import type { WorkflowKind } from '../../db/mutations/workflow.ts'

/** Columns recording a withdrawal (撤回) and its public reason; a list entry records it as removal. */
export function withdrawalColumns(kind: WorkflowKind, today: string, reason: string) {
  if (kind === 'listEntry') return { removedOn: today, removalReason: `撤回：${reason}` }
  return { withdrawnOn: today, withdrawalReason: reason }
}
