import { describe, expect, it } from 'vitest'
import { publicationDeadline, withdrawalDeadline } from './deadlines.ts'
import { addWorkingDays, isWorkingDay, workingDaysBetween } from './working-days.ts'

describe('working days on the State Council holiday tables', () => {
  it('counts a decision just before 国庆 2025 through the holiday and both 调休 weekend workdays', () => {
    // 9-28 (Sun) and 10-11 (Sat) are working days; 10-1 … 10-8 are not.
    expect(isWorkingDay('2025-09-28')).toBe(true)
    expect(isWorkingDay('2025-10-08')).toBe(false)
    expect(isWorkingDay('2025-10-11')).toBe(true)
    expect(addWorkingDays('2025-09-26', 7)).toEqual({ date: '2025-10-13', provisional: false })
  })

  it('handles 中秋 running into a weekend in 2026, with the 9-20 Sunday workday', () => {
    expect(addWorkingDays('2026-09-18', 7)).toEqual({ date: '2026-09-29', provisional: false })
  })

  it('skips 春节 2024 and counts the 2-4 and 2-18 Sundays', () => {
    // 2-4 (Sun) is the 1st, 2-5 … 2-9 the 2nd to 6th, 2-10 … 2-17 off, 2-18 (Sun) the 7th.
    expect(addWorkingDays('2024-02-02', 7)).toEqual({ date: '2024-02-18', provisional: false })
  })

  it('marks results that reach into a year whose arrangements are not yet published', () => {
    expect(addWorkingDays('2026-12-28', 7).provisional).toBe(true)
    expect(isWorkingDay('2027-02-08')).toBe(false)
  })

  it('measures working days between two dates, either way round', () => {
    expect(workingDaysBetween('2025-09-26', '2025-10-13')).toBe(7)
    expect(workingDaysBetween('2025-10-13', '2025-09-26')).toBe(-7)
    expect(workingDaysBetween('2025-09-26', '2025-09-26')).toBe(0)
  })
})

describe('publication and withdrawal deadlines', () => {
  it('flags a penalty decided before 国庆 as due soon, then overdue, by working days', () => {
    expect(publicationDeadline('2025-09-26', '2025-09-30')).toMatchObject({
      dueOn: '2025-10-13',
      state: 'on_track',
      workingDaysLeft: 4,
    })
    expect(publicationDeadline('2025-09-26', '2025-10-10')).toMatchObject({ state: 'due_soon' })
    expect(publicationDeadline('2025-09-26', '2025-10-14')).toMatchObject({
      state: 'overdue',
      workingDaysLeft: -1,
    })
    // Revoked on a Friday: three working days end on Wednesday.
    expect(withdrawalDeadline('2026-11-20', '2026-11-20').dueOn).toBe('2026-11-25')
  })
})
