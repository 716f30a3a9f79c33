import { z } from 'zod'
import { addDays, IsoDate } from './dates.ts'
import holidayData from './rules/holidays.json' with { type: 'json' }

/**
 * 工作日 on the State Council's holiday tables (db/domain/rules/holidays.json): weekdays that are
 * not 放假 days, plus the weekend days a notice makes working days (调休上班). A year without a
 * published notice (or marked provisional) still counts weekends and statutory holidays, and the
 * result says it is provisional so the console can warn.
 */
const HolidayCalendar = z.object({
  years: z.record(
    z.string().regex(/^\d{4}$/),
    z.object({
      source: z.string(),
      provisional: z.boolean(),
      holidays: z.array(IsoDate),
      workdays: z.array(IsoDate),
    })
  ),
})
const calendar = HolidayCalendar.parse(holidayData)
const holidays = new Set(Object.values(calendar.years).flatMap((y) => y.holidays))
const workdays = new Set(Object.values(calendar.years).flatMap((y) => y.workdays))

/** Whether a year's arrangements are published (false for provisional or missing years). */
export function isCalendarConfirmed(date: IsoDate): boolean {
  const year = calendar.years[date.slice(0, 4)]
  return year !== undefined && !year.provisional
}

export function isWorkingDay(date: IsoDate): boolean {
  if (workdays.has(date)) return true
  if (holidays.has(date)) return false
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay()
  return weekday !== 0 && weekday !== 6
}

export type WorkingDayResult = { date: IsoDate; provisional: boolean }

/**
 * The `n`th working day after `date` (the day itself not counted): the last day of a "within n
 * working days" duty that starts on `date`.
 */
export function addWorkingDays(date: IsoDate, n: number): WorkingDayResult {
  let d = date
  let counted = 0
  let provisional = !isCalendarConfirmed(date)
  while (counted < n) {
    d = addDays(d, 1)
    if (!isCalendarConfirmed(d)) provisional = true
    if (isWorkingDay(d)) counted++
  }
  return { date: d, provisional }
}

/** Working days from `from` (exclusive) to `to` (inclusive); negative when `to` is earlier. */
export function workingDaysBetween(from: IsoDate, to: IsoDate): number {
  if (to < from) return -workingDaysBetween(to, from)
  let count = 0
  for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) if (isWorkingDay(d)) count++
  return count
}
