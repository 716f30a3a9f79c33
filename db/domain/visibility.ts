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
