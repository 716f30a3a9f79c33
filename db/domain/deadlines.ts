import { z } from 'zod'
import type { IsoDate } from './dates.ts'
import deadlineData from './rules/deadlines.json' with { type: 'json' }
import { addWorkingDays, workingDaysBetween } from './working-days.ts'

/** The statutory time limits, as data (db/domain/rules/deadlines.json). */
export const DEADLINES = z
  .object({
    publishPenaltyWorkingDays: z.number().int().positive(),
    withdrawPenaltyWorkingDays: z.number().int().positive(),
    dueSoonWorkingDays: z.number().int().nonnegative(),
  })
  .parse(deadlineData)

export type DeadlineState = 'overdue' | 'due_soon' | 'on_track'
export const deadlineStateLabel = {
  overdue: '已逾期',
  due_soon: '即将到期',
  on_track: '未到期',
} as const satisfies Record<DeadlineState, string>

export type Deadline = {
  dueOn: IsoDate
  /** Working days left after today (negative: days overdue). */
  workingDaysLeft: number
  state: DeadlineState
  /** The holiday table for part of the span is not yet published. */
  provisional: boolean
}

function deadline(startedOn: IsoDate, workingDays: number, today: IsoDate): Deadline {
  const { date: dueOn, provisional } = addWorkingDays(startedOn, workingDays)
  const workingDaysLeft = workingDaysBetween(today, dueOn)
  const state: DeadlineState =
    today > dueOn
      ? 'overdue'
      : workingDaysLeft <= DEADLINES.dueSoonWorkingDays
        ? 'due_soon'
        : 'on_track'
  return { dueOn, workingDaysLeft, state, provisional }
}

/** 双公示: a penalty is due online within 7 working days of its decision. */
export const publicationDeadline = (decisionDate: IsoDate, today: IsoDate) =>
  deadline(decisionDate, DEADLINES.publishPenaltyWorkingDays, today)

/** 行政处罚法 §48/§85: withdrawn within 3 working days of the decision being changed or revoked. */
export const withdrawalDeadline = (changedOn: IsoDate, today: IsoDate) =>
  deadline(changedOn, DEADLINES.withdrawPenaltyWorkingDays, today)
