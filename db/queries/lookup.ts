import { and, eq, or, sql, type AnyColumn } from 'drizzle-orm'
import type { Db } from '../client.ts'
import {
  creditListEntries,
  listedSupervisions,
  penalties,
  projects,
  subjects,
} from '../schema/index.ts'

/**
 * The console's search-as-you-type pickers (issue 16, item 5): a clerk finds a project, a subject
 * or a published record by what they know — a name, a 文号, a code — never by an internal number.
 * Always inside the actor's district scope (`district` null = city-wide).
 */
export const LOOKUP_KINDS = ['project', 'subject', 'penalty', 'black_list', 'supervision'] as const
export type LookupKind = (typeof LOOKUP_KINDS)[number]
export type LookupOption = { value: string; label: string }

const LIMIT = 20

/** LIKE with the person's text taken literally (% and _ are not wildcards here). */
function contains(column: AnyColumn, q: string) {
  const escaped = q.replace(/[\\%_]/g, (c) => `\\${c}`)
  return sql`${column} like ${`%${escaped}%`} escape '\\'`
}
/** Digits are also tried as the record's number, so a number from a letter or a list still works. */
const asId = (q: string) => (/^\d{1,9}$/.test(q) ? Number(q) : -1)

export async function lookup(
  db: Db,
  kind: LookupKind,
  q: string,
  district: string | null
): Promise<LookupOption[]> {
  if (kind === 'project') {
    const rows = await db
      .select({ id: projects.id, name: projects.name, address: projects.address })
      .from(projects)
      .where(
        and(
          district ? eq(projects.districtCode, district) : undefined,
          or(eq(projects.id, asId(q)), contains(projects.name, q), contains(projects.address, q))
        )
      )
      .orderBy(projects.name)
      .limit(LIMIT)
    return rows.map((r) => ({ value: String(r.id), label: `${r.name}（${r.address}）` }))
  }
  if (kind === 'subject') {
    const rows = await db
      .select({ id: subjects.id, name: subjects.name, uscc: subjects.uscc })
      .from(subjects)
      .where(
        and(
          district ? eq(subjects.districtCode, district) : undefined,
          eq(subjects.status, 'published'),
          or(contains(subjects.name, q), contains(subjects.uscc, q.toUpperCase()))
        )
      )
      .orderBy(subjects.name)
      .limit(LIMIT)
    return rows.map((r) => ({ value: r.uscc ?? r.id, label: `${r.name}（${r.uscc ?? r.id}）` }))
  }
  if (kind === 'penalty') {
    const rows = await db
      .select({ id: penalties.id, decisionNo: penalties.decisionNo, party: penalties.partyName })
      .from(penalties)
      .where(
        and(
          district ? eq(penalties.districtCode, district) : undefined,
          eq(penalties.status, 'published'),
          or(
            eq(penalties.id, asId(q)),
            contains(penalties.decisionNo, q),
            contains(penalties.partyName, q)
          )
        )
      )
      .orderBy(penalties.decisionDate)
      .limit(LIMIT)
    return rows.map((r) => ({ value: String(r.id), label: `${r.decisionNo}　${r.party}` }))
  }
  if (kind === 'black_list') {
    const rows = await db
      .select({
        id: creditListEntries.id,
        decisionNo: creditListEntries.decisionNo,
        name: subjects.name,
      })
      .from(creditListEntries)
      .innerJoin(subjects, eq(subjects.id, creditListEntries.subjectId))
      .where(
        and(
          district ? eq(subjects.districtCode, district) : undefined,
          eq(creditListEntries.status, 'published'),
          eq(creditListEntries.list, 'black'),
          or(
            eq(creditListEntries.id, asId(q)),
            contains(creditListEntries.decisionNo, q),
            contains(subjects.name, q)
          )
        )
      )
      .limit(LIMIT)
    return rows.map((r) => ({ value: String(r.id), label: `${r.decisionNo}　${r.name}（黑名单）` }))
  }
  const rows = await db
    .select({ id: listedSupervisions.id, problem: listedSupervisions.problem, name: projects.name })
    .from(listedSupervisions)
    .innerJoin(projects, eq(projects.id, listedSupervisions.projectId))
    .where(
      and(
        district ? eq(listedSupervisions.districtCode, district) : undefined,
        eq(listedSupervisions.status, 'published'),
        or(
          eq(listedSupervisions.id, asId(q)),
          contains(projects.name, q),
          contains(listedSupervisions.problem, q)
        )
      )
    )
    .limit(LIMIT)
  return rows.map((r) => ({
    value: String(r.id),
    label: `${r.name}：${r.problem.length > 24 ? `${r.problem.slice(0, 24)}…` : r.problem}`,
  }))
}
