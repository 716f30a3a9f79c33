import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { CREDIT_LISTS } from '../domain/credit-list.ts'
import { PUBLICATION_STATUSES } from '../domain/publication.ts'
import { authorities } from './districts.ts'
import { subjects } from './subjects.ts'

/** 红名单 / 黑名单 entries (one table, `list` says which). */
export const creditListEntries = sqliteTable(
  'credit_list_entries',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    subjectId: text('subject_id')
      .notNull()
      .references(() => subjects.id),
    list: text('list', { enum: CREDIT_LISTS }).notNull(),
    reason: text('reason').notNull(),
    basis: text('basis').notNull(),
    decisionNo: text('decision_no').notNull(),
    authorityId: integer('authority_id')
      .notNull()
      .references(() => authorities.id),
    decisionDate: text('decision_date').notNull(),
    validUntil: text('valid_until').notNull(),
    measures: text('measures').notNull(),
    removalRoute: text('removal_route').notNull(),
    removedOn: text('removed_on'),
    removalReason: text('removal_reason'),
    status: text('status', { enum: PUBLICATION_STATUSES }).notNull().default('draft'),
    /** Workflow, as on penalties: optimistic version and the people behind each step. */
    version: integer('version').notNull().default(1),
    createdBy: integer('created_by'),
    submittedBy: integer('submitted_by'),
    reviewedBy: integer('reviewed_by'),
    rejectionReason: text('rejection_reason'),
  },
  // /red-list/ and /black-list/ read current entries of one list; credit files read by subject.
  (t) => [
    index('credit_list_entries_list_idx').on(t.list, t.status),
    index('credit_list_entries_subject_idx').on(t.subjectId),
  ]
)
