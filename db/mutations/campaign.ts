import { and, eq, inArray } from 'drizzle-orm'
import type { LedgerStatus } from '../domain/campaign.ts'
import {
  ledgerItems,
  monthlyReturns,
  observationProjects,
  quarterlySummaries,
} from '../schema/index.ts'
import type { DbOrTx } from './users.ts'

export async function insertLedgerItem(db: DbOrTx, row: typeof ledgerItems.$inferInsert) {
  const [inserted] = await db.insert(ledgerItems).values(row).returning()
  return inserted!
}

export async function findLedgerItemRow(db: DbOrTx, id: number) {
  const [row] = await db.select().from(ledgerItems).where(eq(ledgerItems.id, id))
  return row
}

/**
 * Move an item on only if it is still in one of `from` at `version` (a concurrent step wins
 * once, matrix K6). True when this call moved it.
 */
export async function advanceLedgerItem(
  db: DbOrTx,
  id: number,
  from: { statuses: readonly LedgerStatus[]; version: number },
  set: Partial<typeof ledgerItems.$inferInsert>
): Promise<boolean> {
  const rows = await db
    .update(ledgerItems)
    .set({ ...set, version: from.version + 1 })
    .where(
      and(
        eq(ledgerItems.id, id),
        eq(ledgerItems.version, from.version),
        inArray(ledgerItems.status, [...from.statuses])
      )
    )
    .returning({ id: ledgerItems.id })
  return rows.length === 1
}

/** A district's return for a month; submitting again (before it is due) replaces it. */
export async function saveMonthlyReturn(db: DbOrTx, row: typeof monthlyReturns.$inferInsert) {
  const [saved] = await db
    .insert(monthlyReturns)
    .values(row)
    .onConflictDoUpdate({
      target: [monthlyReturns.districtCode, monthlyReturns.month],
      set: {
        figures: row.figures,
        computed: row.computed,
        achievements: row.achievements,
        submittedBy: row.submittedBy,
        submittedAt: row.submittedAt,
      },
    })
    .returning()
  return saved!
}

export async function saveQuarterlySummary(
  db: DbOrTx,
  row: typeof quarterlySummaries.$inferInsert
) {
  const { districtCode: _d, quarter: _q, ...set } = row
  const [saved] = await db
    .insert(quarterlySummaries)
    .values(row)
    .onConflictDoUpdate({
      target: [quarterlySummaries.districtCode, quarterlySummaries.quarter],
      set,
    })
    .returning()
  return saved!
}

export async function insertObservationProject(
  db: DbOrTx,
  row: typeof observationProjects.$inferInsert
) {
  const [saved] = await db.insert(observationProjects).values(row).returning()
  return saved!
}
