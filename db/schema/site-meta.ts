import { sqliteTable, text } from 'drizzle-orm/sqlite-core'

/** Key/value facts about the data set, e.g. `demo_data` while synthetic 示例数据 is loaded. */
export const siteMeta = sqliteTable('site_meta', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
})
