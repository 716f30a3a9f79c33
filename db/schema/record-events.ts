import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import type { FieldChange } from '../domain/correction.ts'
import { RECORD_EVENTS } from '../domain/record-event.ts'

/**
 * The public change log (变更记录) of every published record and subject: published, corrected,
 * withdrawn, removed. Append-only (triggers in the migration), written in the same transaction
 * as the change it describes. Expiry needs no row: it follows from the record's end date.
 */
export const recordEvents = sqliteTable(
  'record_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** penalty / list_entry / credit_record / typical_case / supervision / subject */
    objectType: text('object_type').notNull(),
    objectId: text('object_id').notNull(),
    /** The subject the record belongs to, for the subject's history. */
    subjectId: text('subject_id'),
    event: text('event', { enum: RECORD_EVENTS }).notNull(),
    /** Asia/Shanghai calendar date. */
    onDate: text('on_date').notNull(),
    reason: text('reason'),
    changes: text('changes', { mode: 'json' }).$type<FieldChange[]>(),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [
    index('record_events_object_idx').on(t.objectType, t.objectId),
    index('record_events_subject_idx').on(t.subjectId),
  ]
)
