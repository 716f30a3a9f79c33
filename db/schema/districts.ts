import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { DISTRICT_KINDS } from '../domain/district.ts'

/** 县区 / 经济区 of the configured jurisdiction, keyed by 行政区划代码. */
export const districts = sqliteTable('districts', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  kind: text('kind', { enum: DISTRICT_KINDS }).notNull(),
  sortOrder: integer('sort_order').notNull(),
})

/** 处罚机关 and other deciding authorities (住建局 at city or district level, and others). */
export const authorities = sqliteTable('authorities', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull().unique(),
  uscc: text('uscc'),
  districtCode: text('district_code').references(() => districts.code),
})
