import { z } from 'zod'

/**
 * Legal dates are ISO calendar dates ('2026-04-01') on the Asia/Shanghai calendar, never Date
 * objects: they survive JSON and never shift across time zones (servers and CI run in UTC).
 */
export const IsoDate = z.iso.date({ message: '日期格式应为 YYYY-MM-DD' })
export type IsoDate = z.infer<typeof IsoDate>

/** Today's date in Asia/Shanghai for a given instant. China has no DST, so +8 h is exact. */
export function todayInShanghai(now: Date = new Date()): IsoDate {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10)
}

function parts(date: IsoDate): [number, number, number] {
  const [y, m, d] = date.split('-').map(Number)
  return [y!, m!, d!]
}

function fromUtc(ms: number): IsoDate {
  return new Date(ms).toISOString().slice(0, 10)
}

/** Add days to a calendar date (negative allowed). */
export function addDays(date: IsoDate, days: number): IsoDate {
  const [y, m, d] = parts(date)
  return fromUtc(Date.UTC(y, m - 1, d + days))
}

/**
 * Add calendar months; a day that does not exist in the target month clamps to its last day
 * (2026-01-31 + 1 month = 2026-02-28), the usual reading of "满 N 个月".
 */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const [y, m, d] = parts(date)
  const lastDay = new Date(Date.UTC(y, m - 1 + months + 1, 0)).getUTCDate()
  return fromUtc(Date.UTC(y, m - 1 + months, Math.min(d, lastDay)))
}

/** 2026-04-01 → 2026年4月1日, the form used in Chinese official documents. */
export function formatChineseDate(date: IsoDate): string {
  const [y, m, d] = parts(date)
  return `${y}年${m}月${d}日`
}

/**
 * An instant as Beijing time in 年月日 — the same whatever the browser's language (issue 16,
 * item 11), unlike toLocaleString, whose output follows the browser and its ICU data.
 */
export function formatChineseDateTime(at: number | string | Date): string {
  const shifted = new Date(new Date(at).getTime() + 8 * 3600_000).toISOString()
  return `${formatChineseDate(shifted.slice(0, 10))} ${shifted.slice(11, 16)}`
}
