import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { CHANGE_ACTIONS, CHANGE_TARGETS, type FieldChange } from '../domain/correction.ts'
import { PUBLICATION_STATUSES } from '../domain/publication.ts'
import { districts } from './districts.ts'

/**
 * 变更申请 — a new subject's basic information, a correction (更正) of a published record, or
 * a withdrawal because its decision was changed or revoked, waiting for a second person. Approving it applies the change in the same transaction; until
 * then the public site keeps showing the record as it was.
 */
export const changeRequests = sqliteTable(
  'change_requests',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    targetKind: text('target_kind', { enum: CHANGE_TARGETS }).notNull(),
    /** The subject id (USCC or L…) or the record id, as text. */
    targetId: text('target_id').notNull(),
    action: text('action', { enum: CHANGE_ACTIONS }).notNull(),
    /** For `create`: the whole new subject; for `withdraw`: {changedOn}; else null. */
    values: text('values', { mode: 'json' }).$type<Record<string, unknown>>(),
    /** For `correct`: each changed field with its value before and after. */
    changes: text('changes', { mode: 'json' }).$type<FieldChange[]>(),
    /** The target's version when the correction was drafted; a later change makes it stale. */
    baseVersion: integer('base_version'),
    /** 更正理由, published with the change. */
    reason: text('reason'),
    districtCode: text('district_code')
      .notNull()
      .references(() => districts.code),
    status: text('status', { enum: PUBLICATION_STATUSES }).notNull().default('draft'),
    version: integer('version').notNull().default(1),
    createdBy: integer('created_by'),
    submittedBy: integer('submitted_by'),
    reviewedBy: integer('reviewed_by'),
    rejectionReason: text('rejection_reason'),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [
    index('change_requests_status_idx').on(t.status),
    index('change_requests_target_idx').on(t.targetKind, t.targetId),
  ]
)
