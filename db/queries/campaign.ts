import { complaintFigures, type ComplaintFigures } from './complaint-stats.ts'
import { and, desc, eq, gte, lte, type SQL } from 'drizzle-orm'
import type { Db } from '../client.ts'
import {
  CAMPAIGN,
  campaignEnd,
  campaignStart,
  currentPhase,
  isOverdue,
  type CampaignPhase,
  type CampaignRules,
  type ReturnFigures,
} from '../domain/campaign.ts'
import type { IsoDate } from '../domain/dates.ts'
import type { ReadDb } from '../read-db.ts'
import {
  creditListEntries,
  ledgerItems,
  monthlyReturns,
  observationProjects,
  penalties,
  projects,
  quarterlySummaries,
  subjects,
} from '../schema/index.ts'

export type LedgerItemView = typeof ledgerItems.$inferSelect & {
  subjectName: string | null
  projectName: string | null
  overdue: boolean
}

/** Ledger items with their subject's and project's names and the overdue flag as of `today`. */
async function ledgerView(db: Db, today: IsoDate, where?: SQL): Promise<LedgerItemView[]> {
  const rows = await db
    .select({ item: ledgerItems, subjectName: subjects.name, projectName: projects.name })
    .from(ledgerItems)
    .leftJoin(subjects, eq(subjects.id, ledgerItems.subjectId))
    .leftJoin(projects, eq(projects.id, ledgerItems.projectId))
    .where(where)
    .orderBy(desc(ledgerItems.id))
  return rows.map((r) => ({
    ...r.item,
    subjectName: r.subjectName,
    projectName: r.projectName,
    overdue: isOverdue(r.item, today),
  }))
}

/** The ledger as the console lists it: newest first, inside the actor's district (null = city). */
export const listLedgerItems = (db: Db, district: string | null, today: IsoDate) =>
  ledgerView(db, today, district ? eq(ledgerItems.districtCode, district) : undefined)

export async function getLedgerItem(db: Db, id: number, today: IsoDate) {
  return (await ledgerView(db, today, eq(ledgerItems.id, id)))[0]
}

const emptyFigures = (): ReturnFigures => ({
  itemsFound: 0,
  itemsRectified: 0,
  itemsClosedOut: 0,
  itemsOverdue: 0,
  itemsEscalated: 0,
  penalties: 0,
  finesYuan: 0,
  blackListEntries: 0,
  redListEntries: 0,
})

const within = (date: string | null, from: IsoDate, to: IsoDate) =>
  date !== null && from <= date && date <= to

/**
 * The figures of the 排查整治情况统计表 for every district over [from, to], as of `asOf`:
 * ledger items found, rectified, closed out and escalated in the period; items still open past
 * their deadline at `asOf`; published penalties decided in the period (count and fines); red and
 * black list entries decided in the period. The same numbers pre-fill a district's monthly return
 * (one month) and draw the public campaign page (campaign start to today).
 */
export async function districtFigures(
  db: ReadDb,
  range: { from: IsoDate; to: IsoDate },
  asOf: IsoDate
): Promise<Map<string, ReturnFigures>> {
  const { from, to } = range
  const out = new Map<string, ReturnFigures>()
  const of = (district: string) => {
    let f = out.get(district)
    if (!f) out.set(district, (f = emptyFigures()))
    return f
  }
  const items = await db.select().from(ledgerItems).where(lte(ledgerItems.foundOn, to))
  for (const item of items) {
    const f = of(item.districtCode)
    if (within(item.foundOn, from, to)) f.itemsFound++
    if (within(item.rectifiedOn, from, to)) f.itemsRectified++
    if (within(item.closedOutOn, from, to)) f.itemsClosedOut++
    if (within(item.escalatedOn, from, to)) f.itemsEscalated++
    if (isOverdue(item, asOf < to ? asOf : to)) f.itemsOverdue++
  }
  const decided = await db
    .select({ district: penalties.districtCode, fineFen: penalties.fineFen })
    .from(penalties)
    .where(
      and(
        eq(penalties.status, 'published'),
        gte(penalties.decisionDate, from),
        lte(penalties.decisionDate, to)
      )
    )
  for (const p of decided) {
    const f = of(p.district)
    f.penalties++
    f.finesYuan += Math.round((p.fineFen ?? 0) / 100)
  }
  const listed = await db
    .select({ district: subjects.districtCode, list: creditListEntries.list })
    .from(creditListEntries)
    .innerJoin(subjects, eq(subjects.id, creditListEntries.subjectId))
    .where(
      and(
        eq(creditListEntries.status, 'published'),
        gte(creditListEntries.decisionDate, from),
        lte(creditListEntries.decisionDate, to)
      )
    )
  for (const l of listed) {
    const f = of(l.district)
    if (l.list === 'black') f.blackListEntries++
    else f.redListEntries++
  }
  return out
}

export async function listMonthlyReturns(db: Db, month: string) {
  return db.select().from(monthlyReturns).where(eq(monthlyReturns.month, month))
}

export async function listQuarterlySummaries(db: Db, quarter: string) {
  return db.select().from(quarterlySummaries).where(eq(quarterlySummaries.quarter, quarter))
}

/** 现场观摩 projects with their names and districts. */
export async function listObservationProjects(db: ReadDb) {
  return db
    .select({
      id: observationProjects.id,
      projectId: observationProjects.projectId,
      citation: observationProjects.citation,
      chosenOn: observationProjects.chosenOn,
      projectName: projects.name,
      districtCode: projects.districtCode,
      address: projects.address,
    })
    .from(observationProjects)
    .innerJoin(projects, eq(projects.id, observationProjects.projectId))
    .orderBy(observationProjects.chosenOn)
}

/** What the public campaign page shows (one more part of the public snapshot). */
export type PublicCampaign = {
  rules: CampaignRules
  phase: CampaignPhase['key'] | null
  /** Per district, from the campaign's first day to the snapshot date. */
  figures: (ReturnFigures & { districtCode: string; districtName: string })[]
  /** 投诉举报 per district up to the snapshot date (counts only, issue 17). */
  complaints: ComplaintFigures[]
  observations: {
    projectName: string
    districtName: string
    address: string
    citation: string
    chosenOn: string
  }[]
}

/**
 * The campaign as of a date: its phases, the current one, every district's cumulative figures
 * (counts only — ledger items themselves are working records and stay in the console) and the
 * projects chosen for on-site observation.
 */
export async function loadPublicCampaign(
  db: ReadDb,
  asOf: IsoDate,
  districts: { code: string; name: string }[],
  rewind = false
): Promise<PublicCampaign> {
  const from = campaignStart()
  const to = asOf < campaignEnd() ? asOf : campaignEnd()
  const figures = from <= to ? await districtFigures(db, { from, to }, asOf) : new Map()
  const name = new Map(districts.map((d) => [d.code, d.name]))
  return {
    rules: CAMPAIGN,
    phase: currentPhase(asOf)?.key ?? null,
    figures: districts.map((d) => ({
      districtCode: d.code,
      districtName: d.name,
      ...(figures.get(d.code) ?? emptyFigures()),
    })),
    complaints: await complaintFigures(db, asOf, districts, rewind),
    observations: (await listObservationProjects(db))
      .filter((o) => o.chosenOn <= asOf)
      .map((o) => ({
        projectName: o.projectName,
        districtName: name.get(o.districtCode) ?? o.districtCode,
        address: o.address,
        citation: o.citation,
        chosenOn: o.chosenOn,
      })),
  }
}
