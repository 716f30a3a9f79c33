import { sql, type SQL } from 'drizzle-orm'
import { changeTargetObjectType } from '../domain/correction.ts'
import type { DbOrTx } from './users.ts'

/** The rows of one kind currently marked as demo, as a sub-select of text ids. */
const marked = (type: string) =>
  sql.raw(`(SELECT object_id FROM demo_records WHERE object_type = '${type}')`)
const isDemo = (column: string, type: string) =>
  sql.raw(`CAST(${column} AS TEXT) IN `).append(marked(type))

/**
 * What else must go with the seeded rows: anything staff later entered about a demo subject,
 * project or penalty (a practice penalty on an invented company, a correction of a demo record).
 * Each rule marks the rows of one table that point at a marked row; they run until nothing new is
 * marked, because subjects and projects point at each other (developer, owners' committee).
 */
const LINKS: { type: string; table: string; where: SQL }[] = [
  { type: 'project', table: 'projects', where: isDemo('developer_id', 'subject') },
  {
    type: 'subject',
    table: 'subjects',
    where: isDemo('project_id', 'project'),
  },
  {
    type: 'project_management',
    table: 'project_managements',
    where: sql`${isDemo('project_id', 'project')} OR ${isDemo('company_id', 'subject')}`,
  },
  {
    type: 'penalty',
    table: 'penalties',
    where: sql`${isDemo('subject_id', 'subject')} OR ${isDemo('project_id', 'project')}`,
  },
  ...(
    [
      ['credit_record', 'credit_records'],
      ['typical_case', 'typical_cases'],
    ] as const
  ).map(([type, table]) => ({
    type,
    table,
    where: sql`${isDemo('subject_id', 'subject')} OR ${isDemo('project_id', 'project')} OR ${isDemo('penalty_id', 'penalty')}`,
  })),
  { type: 'list_entry', table: 'credit_list_entries', where: isDemo('subject_id', 'subject') },
  ...(
    [
      ['supervision', 'listed_supervisions'],
      ['ledger_item', 'ledger_items'],
    ] as const
  ).map(([type, table]) => ({
    type,
    table,
    where: sql`${isDemo('subject_id', 'subject')} OR ${isDemo('project_id', 'project')}`,
  })),
  {
    type: 'observation_project',
    table: 'observation_projects',
    where: isDemo('project_id', 'project'),
  },
]

/** Table of each marked kind, in an order that deletes what points at a row before the row. */
const DELETE_ORDER: [type: string, table: string][] = [
  ['observation_project', 'observation_projects'],
  ['ledger_item', 'ledger_items'],
  ['monthly_return', 'monthly_returns'],
  ['typical_case', 'typical_cases'],
  ['supervision', 'listed_supervisions'],
  ['list_entry', 'credit_list_entries'],
  ['credit_record', 'credit_records'],
  ['penalty', 'penalties'],
  ['project_management', 'project_managements'],
  ['project', 'projects'],
  ['subject', 'subjects'],
]

export async function countDemoMarks(db: DbOrTx): Promise<Record<string, number>> {
  const rows = await db.all<{ type: string; n: number }>(
    sql`SELECT object_type AS type, COUNT(*) AS n FROM demo_records GROUP BY object_type`
  )
  return Object.fromEntries(rows.map((r) => [r.type, Number(r.n)]))
}

/** Mark everything that points at a demo row (see LINKS); returns the marks added per kind. */
export async function markLinkedDemoRows(db: DbOrTx): Promise<Record<string, number>> {
  const added: Record<string, number> = {}
  for (let round = 0; round < 10; round++) {
    let changed = 0
    for (const link of LINKS) {
      const result = await db.run(
        sql`INSERT OR IGNORE INTO demo_records (object_type, object_id) SELECT ${link.type}, CAST(id AS TEXT) FROM `
          .append(sql.raw(link.table))
          .append(sql` WHERE `)
          .append(link.where)
      )
      const n = Number(result.rowsAffected)
      if (n) added[link.type] = (added[link.type] ?? 0) + n
      changed += n
    }
    if (!changed) return added
  }
  throw new Error('demo records: links did not settle after 10 rounds')
}

/**
 * Delete every marked row, the change-log lines, change requests and report codes about them,
 * then the marks and the 示例数据 flag. The audit log is never touched. Returns rows deleted per
 * table.
 */
export async function deleteMarkedDemoRows(db: DbOrTx): Promise<Record<string, number>> {
  const deleted: Record<string, number> = {}
  const run = async (table: string, query: SQL) => {
    deleted[table] = Number((await db.run(query)).rowsAffected)
  }
  await run(
    'record_events',
    sql`DELETE FROM record_events WHERE EXISTS (SELECT 1 FROM demo_records d WHERE d.object_type = record_events.object_type AND d.object_id = record_events.object_id) OR subject_id IN ${marked('subject')}`
  )
  await run('report_codes', sql`DELETE FROM report_codes WHERE subject_id IN ${marked('subject')}`)
  const targets = Object.entries(changeTargetObjectType).map(
    ([kind, type]) => sql`(target_kind = ${kind} AND target_id IN ${marked(type)})`
  )
  await run(
    'change_requests',
    sql`DELETE FROM change_requests WHERE `.append(sql.join(targets, sql` OR `))
  )
  for (const [type, table] of DELETE_ORDER) {
    await run(
      table,
      sql`DELETE FROM `
        .append(sql.raw(table))
        .append(sql` WHERE CAST(id AS TEXT) IN `)
        .append(marked(type))
    )
  }
  await db.run(sql`DELETE FROM demo_records`)
  await db.run(sql`DELETE FROM site_meta WHERE key = 'demo_data'`)
  return deleted
}
