import { z } from 'zod'
import { pickedIdField } from './fields.ts'
import { publicText } from './public-text.ts'
import { SubjectId } from './subject.ts'

const section = (label: string) => publicText(label, 5000)

/**
 * 典型案例 — the four sections the seed plan requires (基本情况、违法事实、处罚依据、处理结果),
 * written in Markdown; raw HTML is never rendered (db/domain/markdown.ts).
 */
export const DraftTypicalCaseInput = z
  .object({
    title: publicText('标题', 100),
    subjectId: SubjectId,
    penaltyId: pickedIdField('关联的行政处罚').optional(),
    authority: z.string().trim().min(1, { message: '请选择发布机关' }).max(100),
    background: section('基本情况'),
    violationFacts: section('违法事实'),
    legalBasis: section('处罚依据'),
    outcome: section('处理结果'),
  })
  .strict()
export type DraftTypicalCaseInput = z.infer<typeof DraftTypicalCaseInput>
