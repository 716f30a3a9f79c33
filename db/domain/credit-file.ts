import { z } from 'zod'
import { CreditListEntry } from './credit-list.ts'
import { CreditRecord } from './credit-record.ts'
import { IsoDate } from './dates.ts'
import { ListedSupervision } from './listed-supervision.ts'
import { Penalty } from './penalty.ts'
import { Project } from './project.ts'
import { ListStatus, Subject } from './subject.ts'
import { TypicalCase } from './typical-case.ts'
import { Rating } from './rating.ts'
import { ChangeLogLine } from './record-event.ts'

/** One entry of a credit file's records timeline (newest first). */
export const TimelineEntry = z.object({
  date: IsoDate,
  kind: z.enum(['penalty', 'good_record', 'bad_record', 'red_list', 'black_list', 'supervision']),
  title: z.string(),
  href: z.string().nullable(),
})
export type TimelineEntry = z.infer<typeof TimelineEntry>

/** 诚信档案 — everything public about one subject on one date. */
export const CreditFile = z.object({
  subject: Subject,
  asOf: IsoDate,
  listStatus: ListStatus,
  listEntries: z.array(CreditListEntry),
  penalties: z.array(Penalty),
  records: z.array(CreditRecord),
  projects: z.array(Project),
  cases: z.array(TypicalCase),
  supervisions: z.array(ListedSupervision),
  timeline: z.array(TimelineEntry),
  /** 信息变更记录: what was published, corrected, withdrawn or removed, and when. */
  history: z.array(ChangeLogLine),
  /** 信用评价 — property service companies only. */
  rating: Rating.nullable(),
  /** 投诉举报 closed as 查实 against this subject in the 12 months up to `asOf` (issue 17). */
  complaintsSubstantiated: z.number().int().nonnegative(),
  /** 异议处理中: `type:id` of this subject and its records → the date an open objection arrived. */
  objectionsOpen: z.record(z.string(), IsoDate),
})
export type CreditFile = z.infer<typeof CreditFile>

/** Black outranks red: a subject on both shows as black-listed. */
export function listStatusOf(entries: Pick<CreditListEntry, 'list'>[]): ListStatus {
  if (entries.some((e) => e.list === 'black')) return 'black'
  if (entries.some((e) => e.list === 'red')) return 'red'
  return 'none'
}

/** Merge every public record into one timeline, newest first; ties keep a stable kind order. */
export function buildTimeline(
  file: Omit<
    CreditFile,
    'timeline' | 'listStatus' | 'history' | 'rating' | 'complaintsSubstantiated' | 'objectionsOpen'
  >
): TimelineEntry[] {
  const entries: TimelineEntry[] = [
    ...file.penalties.map((p) => ({
      date: p.decisionDate,
      kind: 'penalty' as const,
      title: `行政处罚：${p.decisionNo}`,
      href: `/penalties/${p.id}/`,
    })),
    ...file.records.map((r) => ({
      date: r.decisionDate,
      kind: r.kind === 'good' ? ('good_record' as const) : ('bad_record' as const),
      title: r.title,
      href: null,
    })),
    ...file.listEntries.map((e) => ({
      date: e.decisionDate,
      kind: e.list === 'red' ? ('red_list' as const) : ('black_list' as const),
      title: `列入${e.list === 'red' ? '红名单' : '黑名单'}：${e.decisionNo}`,
      href: e.list === 'red' ? '/red-list/' : '/black-list/',
    })),
    ...file.supervisions.map((s) => ({
      date: s.listedOn,
      kind: 'supervision' as const,
      title: `挂牌督办：${s.projectName}`,
      href: '/supervision/',
    })),
  ]
  return entries.sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0))
}
