import { z } from 'zod'
import { IsoDate } from './dates.ts'

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

/** One line of a public change log, as pages and the API show it. */
export const ChangeLogLine = z.object({
  event: z.enum(RECORD_EVENTS),
  on: IsoDate,
  reason: z.string().nullable(),
  /** The body responsible for the record (处罚机关, 认定机关 …). */
  authority: z.string().nullable(),
  changes: z.array(z.object({ label: z.string(), fromText: z.string(), toText: z.string() })),
  /** What the line is about, on a subject's history: 行政处罚 兴住建罚决〔2026〕3号 … */
  about: z.string().optional(),
  href: z.string().optional(),
})
export type ChangeLogLine = z.infer<typeof ChangeLogLine>
