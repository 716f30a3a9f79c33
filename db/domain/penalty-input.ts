import { z } from 'zod'
import { choiceField, dateField } from './fields.ts'
import { PENALTY_CATEGORIES } from './penalty.ts'
import { SEVERITIES } from './severity.ts'
import { publicText, text } from './public-text.ts'
import { usccField } from './uscc.ts'
import { VIOLATION_CODES } from './violation-type.ts'

/** 罚款金额（元）: at most two decimals, stored as integer 分. */
export const FineYuan = z
  .number({ message: '罚款金额应为数字' })
  .nonnegative({ message: '罚款金额不能为负数' })
  .max(100_000_000, { message: '罚款金额超出合理范围' })
  .refine(
    (v) => Number.isInteger(Math.round(v * 100)) && Math.abs(v * 100 - Math.round(v * 100)) < 1e-6,
    { message: '罚款金额最多保留两位小数' }
  )

/**
 * POST /api/v1/penalties — a 行政处罚 draft as the admin API contract fixes it (issue 3). Cross-field
 * rules (decision date not in the future, violation type of the subject's kind) are checked by
 * the service, which knows today and the subject.
 */
export const DraftPenaltyInput = z
  .object({
    subjectUscc: usccField('当事人统一社会信用代码'),
    decisionNo: text('行政处罚决定书文号', 100),
    authority: text('处罚机关', 100),
    decisionDate: dateField('处罚决定日期'),
    violationType: choiceField('违法行为类型', VIOLATION_CODES),
    facts: publicText('违法事实', 5000),
    legalBasis: publicText('处罚依据', 2000),
    category: choiceField('处罚类别', PENALTY_CATEGORIES),
    content: publicText('处罚内容', 2000),
    fineYuan: FineYuan.optional(),
    severity: choiceField('失信程度', SEVERITIES),
  })
  .strict()
export type DraftPenaltyInput = z.infer<typeof DraftPenaltyInput>

/** A reason that is published (withdrawal) or read by the author (rejection). */
export const ReasonInput = z.object({ reason: publicText('理由', 1000) }).strict()
