import { z } from 'zod'
import { choiceField, dateField } from './fields.ts'
import { CREDIT_LISTS } from './credit-list.ts'
import { addMonths } from './dates.ts'
import { publicText, text } from './public-text.ts'
import { subjectIdField } from './subject.ts'

/**
 * 列入红名单/黑名单 — 国办发〔2020〕49号: a stated legal basis, a decision date, a validity period
 * and a removal route are all required.
 */
export const DraftListEntryInput = z
  .object({
    subjectId: subjectIdField('主体统一社会信用代码'),
    list: choiceField('名单类型', CREDIT_LISTS),
    reason: publicText('列入事由', 1000),
    basis: publicText('认定依据', 500),
    decisionNo: text('决定文号', 100),
    authority: text('认定机关', 100),
    decisionDate: dateField('列入日期'),
    validUntil: dateField('有效期截止日期'),
    measures: publicText('激励或惩戒措施', 1000),
    removalRoute: publicText('移出条件与途径', 1000),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.validUntil <= v.decisionDate) {
      ctx.addIssue({
        code: 'custom',
        path: ['validUntil'],
        message: '有效期截止日期应晚于列入日期',
      })
    }
    // 严重失信 information is public for at most 3 years (NDRC Order 36).
    if (v.list === 'black' && v.validUntil > addMonths(v.decisionDate, 36)) {
      ctx.addIssue({
        code: 'custom',
        path: ['validUntil'],
        message: '黑名单有效期自列入之日起不超过3年',
      })
    }
  })
export type DraftListEntryInput = z.infer<typeof DraftListEntryInput>

/** A black-list entry may be removed early (信用修复) only after the 1-year minimum for 严重 information. */
export function earliestBlackListRemoval(decisionDate: string): string {
  return addMonths(decisionDate, 12)
}
