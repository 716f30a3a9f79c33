import { z } from 'zod'
import { dateField, pickedIdField } from './fields.ts'
import { publicText } from './public-text.ts'
import { SubjectId } from './subject.ts'
import { VIOLATION_CODES } from './violation-type.ts'

/** 挂牌督办 — a project with serious or frequent complaints, listed with a rectification deadline. */
export const OpenSupervisionInput = z
  .object({
    projectId: pickedIdField('物业项目'),
    subjectId: SubjectId.optional(),
    violationType: z
      .enum(VIOLATION_CODES, { message: '违法行为类型不在专项整治方案所列范围内' })
      .optional(),
    problem: publicText('督办问题', 2000),
    authority: z.string().trim().min(1, { message: '请选择督办机关' }).max(100),
    listedOn: dateField('挂牌日期'),
    deadline: dateField('整改期限'),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.deadline <= v.listedOn)
      ctx.addIssue({ code: 'custom', path: ['deadline'], message: '整改期限应晚于挂牌日期' })
  })
export type OpenSupervisionInput = z.infer<typeof OpenSupervisionInput>

/** 查处结果, published as the plan requires (六(四) 及时公布查处结果). */
export const SupervisionResultInput = z.object({ result: publicText('查处结果', 2000) }).strict()
