import { z } from 'zod'
import { choiceField } from './fields.ts'
import { text } from './public-text.ts'
import { wording } from './wording.ts'
import objectionRules from './rules/objections.json' with { type: 'json' }

/** 异议申诉 (issue 17): what the public sends about a published record. */
export const OBJECTION_RECORD_TYPES = [
  'penalty',
  'list_entry',
  'credit_record',
  'typical_case',
  'subject',
] as const
export type ObjectionRecordType = (typeof OBJECTION_RECORD_TYPES)[number]
export const objectionRecordLabel = {
  penalty: '行政处罚',
  list_entry: '红黑名单认定',
  credit_record: '信用记录',
  typical_case: '典型案例',
  subject: '诚信档案',
} as const satisfies Record<ObjectionRecordType, string>

export const objectorRoleLabel = {
  subject: '记录涉及的企业或组织',
  other: '其他单位或个人',
} as const

/** `penalty:12`, `subject:91211103…` — the record an objection is about. */
export const RecordRef = z
  .string({ error: () => '请从公示记录页面上的“提出异议”进入' })
  .regex(/^(penalty|list_entry|credit_record|typical_case|subject):[0-9A-Z]{1,18}$/, {
    message: '请从公示记录页面上的“提出异议”进入',
  })
  .transform((v) => {
    const [type, id] = v.split(':') as [ObjectionRecordType, string]
    return { type, id }
  })

const PHONE = /^(1\d{10}|0\d{2,3}-?\d{7,8})$/

export const ObjectionInput = z
  .object({
    record: RecordRef,
    objectorRole: choiceField('您的身份', ['subject', 'other']),
    reason: text('异议理由', 3000),
    contactName: text('姓名或单位名称', 100),
    contactPhone: z
      .string({ error: () => wording.empty('联系电话') })
      .trim()
      .transform((v) => v.replace(/[\s-]/g, ''))
      .refine((v) => v !== '', { message: wording.empty('联系电话') })
      .refine((v) => v === '' || PHONE.test(v), {
        message: wording.format('联系电话', '应为11位手机号码，或带区号的固定电话'),
      }),
    consent: z.literal(true, { error: () => '请阅读个人信息处理告知，并勾选同意后再提交' }),
    altcha: z
      .string({ error: () => '请先完成“我不是机器人”验证' })
      .min(1)
      .max(20_000),
  })
  .strict()
export type ObjectionInput = z.infer<typeof ObjectionInput>

export const OBJECTION_RULES = z
  .object({
    acceptWithinDays: z.number().int().positive(),
    closeWithinDays: z.number().int().positive(),
    daysAre: z.literal('calendar'),
    confirmed: z.boolean(),
    sources: z.array(z.string()).min(1),
  })
  .parse(objectionRules)
