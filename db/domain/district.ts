import { z } from 'zod'

/** 县区 / 经济区 — keyed by a 6-digit 行政区划代码 (economic zones get codes from configuration). */
export const DivisionCode = z.string().regex(/^\d{6}$/, { message: '行政区划代码应为6位数字' })

export const DISTRICT_KINDS = ['district', 'county', 'economic_zone'] as const
export const District = z.object({
  code: DivisionCode,
  name: z.string().min(1),
  kind: z.enum(DISTRICT_KINDS),
})
export type District = z.infer<typeof District>
