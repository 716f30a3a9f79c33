import { z } from 'zod'
import { choiceField, dateField } from './fields.ts'
import { BAD_RECORD_CATEGORIES, GOOD_RECORD_CATEGORIES } from './credit-record.ts'
import { SEVERITIES } from './severity.ts'
import { publicText } from './public-text.ts'
import { SubjectId } from './subject.ts'

/**
 * 良好/不良信用记录 (other than penalties). A bad record states its severity, which fixes its
 * publicity window at approval; a good record has no severity.
 */
export const DraftCreditRecordInput = z
  .object({
    subjectId: SubjectId,
    kind: choiceField('记录类型', ['good', 'bad']),
    category: z.enum([...GOOD_RECORD_CATEGORIES, ...BAD_RECORD_CATEGORIES], {
      message: '记录类别不正确',
    }),
    title: publicText('标题', 100),
    content: publicText('记录内容', 2000),
    authority: z.string().trim().min(1, { message: '请选择作出机关' }).max(100),
    decisionNo: z.string().trim().max(100).optional(),
    decisionDate: dateField('作出日期'),
    severity: choiceField('失信程度', SEVERITIES).optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    const good = (GOOD_RECORD_CATEGORIES as readonly string[]).includes(v.category)
    if (good !== (v.kind === 'good')) {
      ctx.addIssue({ code: 'custom', path: ['category'], message: '记录类别与良好/不良类型不符' })
    }
    if (v.kind === 'bad' && !v.severity)
      ctx.addIssue({ code: 'custom', path: ['severity'], message: '不良信用记录须注明失信程度' })
    if (v.kind === 'good' && v.severity)
      ctx.addIssue({ code: 'custom', path: ['severity'], message: '良好信用记录不设失信程度' })
  })
export type DraftCreditRecordInput = z.infer<typeof DraftCreditRecordInput>
