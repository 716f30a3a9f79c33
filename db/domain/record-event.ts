/** What can happen to a published record, in the order a change log reads. */
export const RECORD_EVENTS = ['published', 'corrected', 'withdrawn', 'removed', 'repaired'] as const
export type RecordEvent = (typeof RECORD_EVENTS)[number]

export const recordEventLabel = {
  published: '公示',
  corrected: '更正',
  withdrawn: '撤回',
  removed: '移出名单',
  repaired: '信用修复',
} as const satisfies Record<RecordEvent, string>
