import type { IsoDate } from './dates.ts'

/**
 * A dated record (penalty, bad record) is publicly shown while it is published, today is on or
 * before its 公示截止日期, and no approved 信用修复 has taken it out of view. A record without a
 * window (轻微) is never shown.
 */
export function isPubliclyVisible(
  record: { status: string; publicUntil: IsoDate | null; repairedOn?: IsoDate | null },
  today: IsoDate
): boolean {
  return (
    record.status === 'published' &&
    record.publicUntil !== null &&
    today <= record.publicUntil &&
    !(record.repairedOn && record.repairedOn <= today)
  )
}

/**
 * Why a typical case may not carry its penalty: the case would repeat what left public view.
 * Drafting refuses a penalty already out of view; approval also one never published.
 */
export const LINKED_PENALTY_OUT_OF_VIEW =
  '关联的行政处罚不在公示期内（已期满、撤回或经信用修复），典型案例不能再公示该处罚；请取消关联或核对处罚记录。'
