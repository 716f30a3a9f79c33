/**
 * The publishing workflow every public record follows (matrix C3: no step can be skipped):
 * draft → submitted → published, back to draft when rejected or when its author recalls it
 * before review (撤回提交), and published → withdrawn (撤回).
 */
export const WORKFLOW_TRANSITIONS = {
  submit: { from: 'draft', to: 'submitted' },
  approve: { from: 'submitted', to: 'published' },
  reject: { from: 'submitted', to: 'draft' },
  recall: { from: 'submitted', to: 'draft' },
  withdraw: { from: 'published', to: 'withdrawn' },
} as const
export type WorkflowStep = keyof typeof WORKFLOW_TRANSITIONS
