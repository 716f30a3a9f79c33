import { primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core'

/**
 * Which rows the seeder wrote (示例数据), so `npm run demo:remove` deletes exactly them and what
 * staff later entered about them, and nothing else. `objectType` uses the record_events names
 * (subject, penalty, list_entry, credit_record, typical_case, supervision) plus project,
 * project_management, ledger_item, monthly_return and observation_project.
 */
export const demoRecords = sqliteTable(
  'demo_records',
  {
    objectType: text('object_type').notNull(),
    objectId: text('object_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.objectType, t.objectId] })]
)
