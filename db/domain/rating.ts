import { z } from 'zod'
import type { CreditListEntry } from './credit-list.ts'
import type { CreditRecord } from './credit-record.ts'
import { addDays, addMonths, type IsoDate } from './dates.ts'
import { creditRecordCategoryLabel, severityLabel } from './labels.ts'
import type { ListedSupervision } from './listed-supervision.ts'
import type { Penalty } from './penalty.ts'
import ratingData from './rules/rating.json' with { type: 'json' }

export const GRADES = ['AAA', 'AA', 'A', 'B', 'C'] as const
export const Grade = z.enum(GRADES)
export type Grade = z.infer<typeof Grade>

const Points = z.object({ general: z.number(), serious: z.number() })

/** The rating scheme, as data (db/domain/rules/rating.json): nobody can buy or vote a grade. */
export const RATING_SCHEME = z
  .object({
    base: z.number(),
    good: z.object({
      points: z.number(),
      cap: z.number(),
      countsForMonths: z.number().int().positive(),
    }),
    redList: z.object({ points: z.number() }),
    badRecord: Points,
    penalty: Points,
    openSupervision: z.object({ points: z.number() }),
    grades: z.array(z.object({ grade: Grade, min: z.number().nullable() })),
    blackListGrade: Grade,
  })
  .parse(ratingData)

/** One line of the explanation: what, how many points, from which record, counted until when. */
export const RatingItem = z.object({
  label: z.string(),
  points: z.number(),
  source: z.string(),
  href: z.string().nullable(),
  /** The last day this item counts; null while a condition lasts (an open supervision item). */
  until: z.string().nullable(),
})
export type RatingItem = z.infer<typeof RatingItem>

export const Rating = z.object({
  asOf: z.string(),
  score: z.number(),
  grade: Grade,
  items: z.array(RatingItem),
  /** Why the grade is not the score's: 列入黑名单. */
  override: z.string().nullable(),
})
export type Rating = z.infer<typeof Rating>

export const gradeLabel = {
  AAA: 'AAA级（诚信优秀）',
  AA: 'AA级（诚信良好）',
  A: 'A级（诚信较好）',
  B: 'B级（诚信一般）',
  C: 'C级（诚信较差）',
} as const satisfies Record<Grade, string>

export function gradeFor(score: number): Grade {
  return RATING_SCHEME.grades.find((g) => g.min === null || score >= g.min)!.grade
}

type Inputs = {
  asOf: IsoDate
  /** Publicly visible on `asOf` (the snapshot has applied expiry, repair and withdrawal). */
  penalties: Penalty[]
  records: CreditRecord[]
  listEntries: CreditListEntry[]
  supervisions: ListedSupervision[]
}

/**
 * 信用评价 of a property service company as of a date: the base score, plus each good record
 * (capped) and current red-list entry, minus each public bad record, penalty and open supervision
 * item; a current black-list entry makes the grade C whatever the score. Every item says where it
 * came from and until when it counts, so the grade can be checked line by line.
 */
export function rateCompany(input: Inputs): Rating {
  const s = RATING_SCHEME
  const items: RatingItem[] = []
  let goodTotal = 0
  for (const r of input.records) {
    if (r.kind === 'good') {
      const until = addDays(addMonths(r.decisionDate, s.good.countsForMonths), -1)
      if (until < input.asOf) continue
      const points = Math.min(s.good.points, s.good.cap - goodTotal)
      goodTotal += points
      items.push({
        label: `良好信用记录：${creditRecordCategoryLabel[r.category]}${points < s.good.points ? `（加分已达上限${s.good.cap}分）` : ''}`,
        points,
        source: r.title,
        href: null,
        until,
      })
    } else if (r.severity === 'general' || r.severity === 'serious') {
      items.push({
        label: `不良信用记录（${severityLabel[r.severity]}）`,
        points: s.badRecord[r.severity],
        source: r.title,
        href: null,
        until: r.publicUntil,
      })
    }
  }
  for (const e of input.listEntries) {
    if (e.list === 'red') {
      items.push({
        label: '列入红名单',
        points: s.redList.points,
        source: e.decisionNo,
        href: null,
        until: e.validUntil,
      })
    }
  }
  for (const p of input.penalties) {
    if (p.severity !== 'general' && p.severity !== 'serious') continue
    items.push({
      label: `行政处罚（${severityLabel[p.severity]}失信）`,
      points: s.penalty[p.severity],
      source: p.decisionNo,
      href: `/penalties/${p.id}/`,
      until: p.publicUntil,
    })
  }
  for (const x of input.supervisions) {
    if (x.progress === 'closed_out') continue
    items.push({
      label: '挂牌督办未销号',
      points: s.openSupervision.points,
      source: x.projectName,
      href: null,
      until: null,
    })
  }
  const score = s.base + items.reduce((sum, i) => sum + i.points, 0)
  const black = input.listEntries.find((e) => e.list === 'black')
  return {
    asOf: input.asOf,
    score,
    grade: black ? s.blackListGrade : gradeFor(score),
    items,
    override: black ? `列入黑名单（${black.decisionNo}），信用等级评为${s.blackListGrade}级` : null,
  }
}
