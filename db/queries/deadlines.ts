import { and, eq, inArray, ne } from 'drizzle-orm'
import type { Db } from '../client.ts'
import { changeTargetLabel } from '../domain/correction.ts'
import type { IsoDate } from '../domain/dates.ts'
import { publicationDeadline, withdrawalDeadline, type Deadline } from '../domain/deadlines.ts'
import { changeRequests, penalties } from '../schema/index.ts'

export type DeadlineItem = Deadline & {
  duty: 'publish' | 'withdraw'
  /** The console page of the record or request that discharges the duty. */
  kind: 'penalty' | 'change'
  id: number
  title: string
  startedOn: IsoDate
  districtCode: string
}

const OPEN = ['draft', 'submitted'] as const

/**
 * 公开时限: penalties not yet online (due 7 working days after the decision; 轻微 ones are never
 * published, so they owe nothing) and withdrawals not yet done (3 working days after the decision
 * was changed or revoked), inside the district scope, most urgent first.
 */
export async function listDeadlines(
  db: Db,
  district: string | null,
  today: IsoDate
): Promise<DeadlineItem[]> {
  const scope = <T extends { districtCode: string }>(rows: T[]) =>
    rows.filter((r) => district === null || r.districtCode === district)
  const [open, withdrawals] = await Promise.all([
    db
      .select({
        id: penalties.id,
        decisionNo: penalties.decisionNo,
        partyName: penalties.partyName,
        decisionDate: penalties.decisionDate,
        districtCode: penalties.districtCode,
      })
      .from(penalties)
      .where(and(inArray(penalties.status, OPEN), ne(penalties.severity, 'minor'))),
    db
      .select()
      .from(changeRequests)
      .where(and(eq(changeRequests.action, 'withdraw'), inArray(changeRequests.status, OPEN))),
  ])
  const items: DeadlineItem[] = [
    ...scope(open).map((p) => ({
      duty: 'publish' as const,
      kind: 'penalty' as const,
      id: p.id,
      title: `${p.decisionNo} · ${p.partyName}`,
      startedOn: p.decisionDate,
      districtCode: p.districtCode,
      ...publicationDeadline(p.decisionDate, today),
    })),
    ...scope(withdrawals).map((w) => {
      const changedOn = String(w.values?.changedOn)
      return {
        duty: 'withdraw' as const,
        kind: 'change' as const,
        id: w.id,
        title: `撤回${changeTargetLabel[w.targetKind]} 编号 ${w.targetId}`,
        startedOn: changedOn,
        districtCode: w.districtCode,
        ...withdrawalDeadline(changedOn, today),
      }
    }),
  ]
  return items.sort((a, b) => a.dueOn.localeCompare(b.dueOn))
}
