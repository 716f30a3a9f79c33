import { z } from 'zod'
import { ESCALATIONS, LEDGER_SOURCES, Quarter } from './campaign.ts'
import { IsoDate } from './dates.ts'
import { DivisionCode } from './district.ts'
import { text } from './public-text.ts'
import { SubjectId } from './subject.ts'
import { VIOLATION_CODES } from './violation-type.ts'

/**
 * 记入台账: a problem found, against a subject and/or a project, typed by the plan's violation
 * lists, with who must fix it, how, and by when. `districtCode` only for city-level staff (others
 * record in their own district).
 */
export const RecordLedgerItemInput = z
  .object({
    subjectId: SubjectId.optional(),
    projectId: z.number().int().positive().optional(),
    districtCode: DivisionCode.optional(),
    source: z.enum(LEDGER_SOURCES, { message: '请选择问题来源' }),
    violationType: z.enum(VIOLATION_CODES, { message: '问题类型不在专项整治方案所列范围内' }),
    foundOn: IsoDate,
    problem: text('问题描述', 1000),
    responsibleParty: text('整改责任人', 100),
    measures: text('整改措施', 1000),
    deadline: IsoDate,
  })
  .strict()
  .superRefine((v, ctx) => {
    if (!v.subjectId && !v.projectId)
      ctx.addIssue({
        code: 'custom',
        path: ['subjectId'],
        message: '请填写责任主体或物业项目（至少一项）',
      })
    if (v.deadline < v.foundOn)
      ctx.addIssue({ code: 'custom', path: ['deadline'], message: '整改期限不能早于发现日期' })
  })
export type RecordLedgerItemInput = z.infer<typeof RecordLedgerItemInput>

export const RectifiedInput = z.object({ evidence: text('整改情况及佐证材料', 1000) }).strict()

export const EscalateInput = z
  .object({
    to: z.enum(ESCALATIONS, { message: '请选择转办方式' }),
    ref: z.string().trim().min(1, { message: '请填写关联记录编号' }).max(40),
  })
  .strict()

/** 月度统计表: the figures as the district confirms them, and its 阶段性工作成果. */
export const MonthlyReturnInput = z
  .object({
    figures: z.record(z.string(), z.number().int().min(0).max(1e12)).optional(),
    achievements: text('阶段性工作成果', 3000),
  })
  .strict()

/** 季度工作总结: the four sections the plan names. */
export const QuarterlySummaryInput = z
  .object({
    work: text('工作开展情况', 5000),
    results: text('取得成效', 5000),
    problems: text('存在问题', 5000),
    proposals: text('措施建议', 5000),
  })
  .strict()

export const QuarterParam = z.object({ quarter: Quarter }).strict()

/** 现场观摩项目 chosen by the city. */
export const ObservationInput = z
  .object({
    projectId: z.number().int().positive(),
    citation: text('推荐理由', 500),
    chosenOn: IsoDate,
  })
  .strict()
