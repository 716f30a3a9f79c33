import { z } from 'zod'
import { dateField } from './fields.ts'
import { formatChineseDate, IsoDate } from './dates.ts'
import type { Issue } from './errors.ts'
import { publicText } from './public-text.ts'
import repairData from './rules/repair.json' with { type: 'json' }

/**
 * 信用修复 (NDRC Order 36): after the minimum publicity period, a party that has performed the
 * penalty, corrected the wrongdoing and made a public credit commitment may have a record taken
 * out of public view early. It is free of charge. The materials checklist is data
 * (db/domain/rules/repair.json).
 */
export const REPAIR_MATERIALS = z
  .object({
    materials: z.array(z.object({ id: z.string(), label: z.string(), required: z.boolean() })),
  })
  .parse(repairData).materials

/** POST …/{id}/repair — an application received by the bureau, with what came with it. */
export const RepairRequestInput = z
  .object({
    receivedOn: dateField('申请受理日期'),
    materials: z
      .array(z.enum(REPAIR_MATERIALS.map((m) => m.id) as [string, ...string[]]))
      .max(REPAIR_MATERIALS.length),
    /** The public line of the change log (经审核，准予信用修复 …). */
    reason: publicText('修复说明', 1000),
  })
  .strict()
export type RepairRequestInput = z.infer<typeof RepairRequestInput>

/** Required materials not yet received, as issues on `materials`. */
export function missingMaterials(received: string[]): Issue[] {
  return REPAIR_MATERIALS.filter((m) => m.required && !received.includes(m.id)).map((m) => ({
    field: 'materials',
    code: 'missing',
    message: `缺少申请材料：${m.label}`,
  }))
}

/** Repair is refused before the minimum period has run (可申请信用修复日期). */
export function repairNotYetMessage(repairableFrom: IsoDate | null, today: IsoDate): string | null {
  if (repairableFrom === null) return '该记录不适用信用修复'
  if (today < repairableFrom)
    return `最短公示期限未满，${formatChineseDate(repairableFrom)}起方可申请信用修复`
  return null
}

/** The 信用承诺书 an online applicant makes (it is published with the repair, as NDRC practice asks). */
export const CREDIT_COMMITMENT =
  '本单位承诺：所提交的信用修复申请材料真实、准确、完整；已按要求履行行政处罚决定规定的义务，已纠正失信行为、消除不良影响；今后严格遵守法律法规，诚信经营。如有虚假，愿意承担相应法律责任，并接受主管部门依法作出的处理。'

/** POST /api/v1/public/repair-applications — the fields beside the uploaded materials. */
export const RepairApplicationInput = z
  .object({
    record: z
      .string({ error: () => '请从处罚或不良记录页面上的“申请信用修复”进入' })
      .regex(/^(penalty|credit_record):\d{1,9}$/, {
        message: '请从处罚或不良记录页面上的“申请信用修复”进入',
      })
      .transform((v) => {
        const [type, id] = v.split(':') as ['penalty' | 'credit_record', string]
        return { type, id }
      }),
    applicantRole: z.enum(['legal_representative', 'agent'], {
      error: (i) => (i.input ? '申请人身份不在可选范围内' : '请选择申请人身份'),
    }),
    applicantName: z.string().trim().min(1, { message: '请填写申请人姓名' }).max(50),
    uscc: z.string().trim().min(1, { message: '请填写统一社会信用代码' }).max(30),
    contactPhone: z
      .string()
      .trim()
      .transform((v) => v.replace(/[\s-]/g, ''))
      .refine((v) => /^(1\d{10}|0\d{2,3}-?\d{7,8})$/.test(v), {
        message: '联系电话格式不正确：应为11位手机号码，或带区号的固定电话',
      }),
    commitment: z.literal(true, { error: () => '请阅读信用承诺书并勾选作出承诺' }),
    consent: z.literal(true, { error: () => '请阅读个人信息处理告知，并勾选同意后再提交' }),
    altcha: z
      .string({ error: () => '请先完成“我不是机器人”验证' })
      .min(1)
      .max(20_000),
  })
  .strict()
export type RepairApplicationInput = z.infer<typeof RepairApplicationInput>
