import { z } from 'zod'
import { choiceField, dateField, pickedIdField } from './fields.ts'
import { ESCALATIONS, LEDGER_SOURCES, Quarter } from './campaign.ts'
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
    projectId: pickedIdField('物业项目').optional(),
    districtCode: DivisionCode.optional(),
    source: choiceField('问题来源', LEDGER_SOURCES),
    violationType: choiceField('问题类型', VIOLATION_CODES),
    foundOn: dateField('发现日期'),
    problem: text('问题描述', 1000),
    responsibleParty: text('整改责任人', 100),
    measures: text('整改措施', 1000),
    deadline: dateField('整改期限'),
    /** The 投诉举报 this item was recorded from (source 投诉处理), linked in the same transaction. */
    complaintId: z.number().int().positive().optional(),
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
    to: choiceField('转办方式', ESCALATIONS),
    ref: z.string().trim().min(1, { message: '请选择关联的已公示记录' }).max(40),
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
    projectId: pickedIdField('物业项目'),
    citation: text('推荐理由', 500),
    chosenOn: dateField('选定日期'),
  })
  .strict()
