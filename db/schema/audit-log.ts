import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'

/**
 * Append-only audit trail. Each row carries `hash = sha256(prevHash + canonical row)`, so a changed
 * or deleted row breaks the chain; triggers (migration 0002) refuse UPDATE and DELETE outright.
 */
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: text('at').notNull(),
    actorId: integer('actor_id'),
    actorName: text('actor_name'),
    actorRole: text('actor_role'),
    actorDistrict: text('actor_district'),
    sourceIp: text('source_ip'),
    action: text('action').notNull(),
    objectType: text('object_type'),
    objectId: text('object_id'),
    outcome: text('outcome', { enum: ['success', 'failure'] }).notNull(),
    reason: text('reason'),
    requestId: text('request_id'),
    detail: text('detail'),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  // The audit view filters by person, object and date.
  (t) => [
    index('audit_log_actor_idx').on(t.actorName),
    index('audit_log_object_idx').on(t.objectType, t.objectId),
    index('audit_log_at_idx').on(t.at),
  ]
)

/** Publishes waiting for a site rebuild (same transaction as the publish). */
export const outbox = sqliteTable('outbox', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  objectType: text('object_type').notNull(),
  objectId: text('object_id').notNull(),
  action: text('action').notNull(),
  createdAt: integer('created_at').notNull(),
  builtAt: integer('built_at'),
})

/** Idempotency-Key results, per user, so a repeated request returns the first answer. */
export const idempotencyKeys = sqliteTable('idempotency_keys', {
  key: text('key').primaryKey(),
  userId: integer('user_id').notNull(),
  requestHash: text('request_hash').notNull(),
  status: integer('status').notNull(),
  body: text('body').notNull(),
  createdAt: integer('created_at').notNull(),
})
