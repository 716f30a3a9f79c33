import {
  monthlyReturnDue,
  monthRange,
  quarterlySummaryDue,
  RETURN_FIGURES,
  type ReturnFigures,
} from '../../db/domain/campaign.ts'
import { todayInShanghai, type IsoDate } from '../../db/domain/dates.ts'
import { ForbiddenError, ValidationError } from '../../db/domain/errors.ts'
import type { MonthlyReturnInput, QuarterlySummaryInput } from '../../db/domain/ledger-input.ts'
import type { z } from 'zod'
import { saveMonthlyReturn, saveQuarterlySummary } from '../../db/mutations/campaign.ts'
import {
  districtFigures,
  listMonthlyReturns,
  listQuarterlySummaries,
} from '../../db/queries/campaign.ts'
import { listDistricts } from '../../db/queries/reference-data.ts'
import { audit } from '../audit.ts'
import type { ServiceContext } from '../context.ts'

const today = (ctx: ServiceContext) => todayInShanghai(new Date(ctx.nowMs))

/** Every district's figures for a month as the records show them today (the pre-filled form). */
async function computedFor(ctx: ServiceContext, month: string) {
  const range = monthRange(month)
  const asOf: IsoDate = today(ctx) < range.to ? today(ctx) : range.to
  const figures = await districtFigures(ctx.db, range, asOf)
  return (district: string) => figures.get(district) ?? zero()
}

/** The districts the actor answers for: their own, or all of them at city level. */
async function districtsInScope(ctx: ServiceContext) {
  return (await listDistricts(ctx.db)).filter(
    (d) => ctx.actor!.district === null || d.code === ctx.actor!.district
  )
}
const zero = (): ReturnFigures =>
  Object.fromEntries(RETURN_FIGURES.map(([k]) => [k, 0])) as ReturnFigures

const parse = (json: string) => JSON.parse(json) as ReturnFigures

/**
 * Every district's return for a month, for the actor's scope: pre-filled figures, what was
 * submitted (and when, by whom), and whether it is late (due on the plan's 25th).
 */
export async function monthlyReturns(ctx: ServiceContext, month: string) {
  const dueOn = monthlyReturnDue(month)
  const submitted = new Map(
    (await listMonthlyReturns(ctx.db, month)).map((r) => [r.districtCode, r])
  )
  const districts = await districtsInScope(ctx)
  // One count for every district, not one per district.
  const computed = await computedFor(ctx, month)
  const rows = []
  for (const d of districts) {
    const r = submitted.get(d.code)
    rows.push({
      districtCode: d.code,
      districtName: d.name,
      computed: computed(d.code),
      submitted: r
        ? {
            figures: parse(r.figures),
            achievements: r.achievements,
            at: new Date(r.submittedAt).toISOString(),
            late: todayInShanghai(new Date(r.submittedAt)) > dueOn,
          }
        : null,
      overdue: !r && today(ctx) > dueOn,
    })
  }
  return { month, dueOn, districts: rows }
}

/**
 * 报送月度统计表 — by a district account, for its own district. The pre-filled counts are kept
 * beside what the district confirms; a figure it changes is recorded in the audit row.
 */
export async function submitMonthlyReturn(
  ctx: ServiceContext,
  month: string,
  input: z.infer<typeof MonthlyReturnInput>
) {
  const district = ctx.actor!.district
  if (!district) throw new ForbiddenError('月度统计表由各县区报送')
  const known = new Set<string>(RETURN_FIGURES.map(([k]) => k))
  const unknown = Object.keys(input.figures ?? {}).filter((k) => !known.has(k))
  if (unknown.length)
    throw new ValidationError(
      unknown.map((k) => ({
        field: `figures.${k}`,
        code: 'unknown',
        message: `没有名为 ${k} 的统计项`,
      }))
    )
  if (month > today(ctx).slice(0, 7))
    throw new ValidationError([
      { field: 'month', code: 'future', message: '不能报送尚未开始的月份' },
    ])
  const pre = (await computedFor(ctx, month))(district)
  const figures = { ...pre, ...input.figures }
  const changed = RETURN_FIGURES.filter(([k]) => figures[k] !== pre[k]).map(([k]) => k)
  return ctx.db.transaction(async (tx) => {
    const saved = await saveMonthlyReturn(tx, {
      districtCode: district,
      month,
      figures: JSON.stringify(figures),
      computed: JSON.stringify(pre),
      achievements: input.achievements,
      submittedBy: ctx.actor!.id,
      submittedAt: ctx.nowMs,
    })
    await audit(tx, ctx, {
      action: 'campaign.monthly_return',
      objectType: 'monthly_return',
      objectId: `${district}/${month}`,
      detail: changed.length ? { changedFromRecords: changed } : undefined,
    })
    return { id: saved.id, month, districtCode: district, figures, dueOn: monthlyReturnDue(month) }
  })
}

/** Every district's quarterly summary for the actor's scope, and whether it is late. */
export async function quarterlySummaries(ctx: ServiceContext, quarter: string) {
  const dueOn = quarterlySummaryDue(quarter)
  const submitted = new Map(
    (await listQuarterlySummaries(ctx.db, quarter)).map((r) => [r.districtCode, r])
  )
  const districts = await districtsInScope(ctx)
  return {
    quarter,
    dueOn,
    districts: districts.map((d) => {
      const r = submitted.get(d.code)
      return {
        districtCode: d.code,
        districtName: d.name,
        submitted: r
          ? {
              work: r.work,
              results: r.results,
              problems: r.problems,
              proposals: r.proposals,
              at: new Date(r.submittedAt).toISOString(),
            }
          : null,
        overdue: !r && today(ctx) > dueOn,
      }
    }),
  }
}

/** 报送季度工作总结 — by a district account, for a quarter that has begun. */
export async function submitQuarterlySummary(
  ctx: ServiceContext,
  quarter: string,
  input: z.infer<typeof QuarterlySummaryInput>
) {
  const district = ctx.actor!.district
  if (!district) throw new ForbiddenError('季度工作总结由各县区报送')
  const [year, q] = [quarter.slice(0, 4), Number(quarter.slice(-1))]
  if (`${year}-${String(q * 3 - 2).padStart(2, '0')}` > today(ctx).slice(0, 7))
    throw new ValidationError([
      { field: 'quarter', code: 'future', message: '不能报送尚未开始的季度' },
    ])
  return ctx.db.transaction(async (tx) => {
    const saved = await saveQuarterlySummary(tx, {
      districtCode: district,
      quarter,
      ...input,
      submittedBy: ctx.actor!.id,
      submittedAt: ctx.nowMs,
    })
    await audit(tx, ctx, {
      action: 'campaign.quarterly_summary',
      objectType: 'quarterly_summary',
      objectId: `${district}/${quarter}`,
    })
    return { id: saved.id, quarter, districtCode: district, dueOn: quarterlySummaryDue(quarter) }
  })
}
