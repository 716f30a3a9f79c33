import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import type { ReportSummary } from '../domain/report.ts'

/**
 * 报告验证码 of every credit report a build published, kept after later builds so a printed
 * report can be checked against what was public on its date (/verify/).
 */
export const reportCodes = sqliteTable('report_codes', {
  code: text('code').primaryKey(),
  subjectId: text('subject_id').notNull(),
  asOf: text('as_of').notNull(),
  summary: text('summary', { mode: 'json' }).$type<ReportSummary>().notNull(),
  createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
})
