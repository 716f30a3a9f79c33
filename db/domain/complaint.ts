import { z } from 'zod'
import { DivisionCode } from './district.ts'
import { choiceField, dateField } from './fields.ts'
import { text } from './public-text.ts'
import { subjectIdField } from './subject.ts'
import { VIOLATION_CODES } from './violation-type.ts'
import { wording } from './wording.ts'
import complaintRules from './rules/complaints.json' with { type: 'json' }

/** 投诉举报 (issue 17): what the public sends, and how it moves in the bureau. */
export const COMPLAINT_STATUSES = [
  'submitted',
  'accepted',
  'refused',
  'in_progress',
  'closed',
] as const
export type ComplaintStatus = (typeof COMPLAINT_STATUSES)[number]
export const complaintStatusLabel = {
  submitted: '已提交',
  accepted: '已受理',
  refused: '不予受理',
  in_progress: '办理中',
  closed: '已办结',
} as const satisfies Record<ComplaintStatus, string>

/** The seed plan's violation types (section 三), or 其他. */
export const COMPLAINT_CATEGORIES = [...VIOLATION_CODES, 'other'] as const

/** Photos: JPEG or PNG, at most 3 of at most 5 MB each (issue 17). */
export const PHOTO_LIMIT = { count: 3, bytes: 5 * 1024 * 1024 } as const

/** A mainland mobile number or a landline with area code; separators allowed when typed. */
const PHONE = /^(1\d{10}|0\d{2,3}-?\d{7,8})$/

export const ComplaintInput = z
  .object({
    districtCode: DivisionCode,
    projectName: text('小区（项目）名称', 100),
    subjectId: subjectIdField('物业服务企业').optional(),
    category: choiceField('问题类别', COMPLAINT_CATEGORIES),
    description: text('问题描述', 2000),
    occurredOn: dateField('发生日期').optional(),
    contactName: z.string().trim().max(50, { message: '姓名不能超过50字' }).optional(),
    contactPhone: z
      .string()
      .trim()
      .transform((v) => v.replace(/[\s-]/g, ''))
      .refine((v) => v === '' || PHONE.test(v), {
        message: wording.format('联系电话', '应为11位手机号码，或带区号的固定电话'),
      })
      .optional(),
    consent: z.literal(true, { error: () => '请阅读个人信息处理告知，并勾选同意后再提交' }),
    altcha: z
      .string({ error: () => '请先完成“我不是机器人”验证' })
      .min(1)
      .max(20_000),
  })
  .strict()
export type ComplaintInput = z.infer<typeof ComplaintInput>

/** 查询码: 16 characters of Crockford base32 = 80 bits, shown once as XXXX-XXXX-XXXX-XXXX. */
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'
export function newAccessCode(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16))
  const chars = [...bytes].map((b) => CROCKFORD[b & 31]).join('')
  return chars.match(/.{4}/g)!.join('-')
}
/** What a person types back: case, spaces and dashes do not matter; O/I/L read as 0/1/1. */
export function normalizeAccessCode(code: string): string {
  return code.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1')
}

/**
 * 回执编号: a prefix for the channel (TS 投诉, YY 异议), the Beijing date and 6 random digits,
 * e.g. TS20261130-048213.
 */
export function newReceiptNo(today: string, prefix: 'TS' | 'YY' | 'XF' = 'TS'): string {
  const n = crypto.getRandomValues(new Uint32Array(1))[0]! % 1_000_000
  return `${prefix}${today.replaceAll('-', '')}-${String(n).padStart(6, '0')}`
}
export const RECEIPT_NO = /^(TS|YY|XF)\d{8}-\d{6}$/

/** Deadlines and retention, as rule data a bureau can correct (db/domain/rules/complaints.json). */
export const COMPLAINT_RULES = z
  .object({
    acceptWithinDays: z.number().int().positive(),
    closeWithinDays: z.number().int().positive(),
    daysAre: z.literal('calendar'),
    retention: z.object({ afterClosedMonths: z.number().int().positive(), confirmed: z.boolean() }),
    sources: z.array(z.string()).min(1),
  })
  .parse(complaintRules)
