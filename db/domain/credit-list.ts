import { z } from 'zod'
import { IsoDate } from './dates.ts'
import { PublicationStatus } from './publication.ts'

/** 红名单 / 黑名单 — one table; 国办发〔2020〕49号 requires basis, dates and a removal route. */
export const CREDIT_LISTS = ['red', 'black'] as const
export const CreditList = z.enum(CREDIT_LISTS)
export type CreditList = z.infer<typeof CreditList>

export const CreditListEntry = z.object({
  id: z.number().int(),
  subjectId: z.string(),
  subjectName: z.string(),
  districtCode: z.string(),
  list: CreditList,
  reason: z.string().min(1),
  /** 认定依据: the provision the listing rests on. */
  basis: z.string().min(1),
  decisionNo: z.string().min(1),
  authorityName: z.string().min(1),
  decisionDate: IsoDate,
  validUntil: IsoDate,
  /** 激励 / 惩戒措施 */
  measures: z.string().min(1),
  /** 移出条件与途径 (信用修复 or expiry) */
  removalRoute: z.string().min(1),
  removedOn: IsoDate.nullable(),
  removalReason: z.string().nullable(),
  status: PublicationStatus,
})
export type CreditListEntry = z.infer<typeof CreditListEntry>

/** An entry is current on `today` if published, not removed and still within its validity. */
export function isCurrentListEntry(entry: CreditListEntry, today: string): boolean {
  return (
    entry.status === 'published' &&
    entry.removedOn === null &&
    entry.decisionDate <= today &&
    today <= entry.validUntil
  )
}
