import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { ROLES } from '../domain/user.ts'
import { districts } from './districts.ts'

/** 管理员 accounts. `passwordHash` is `pbkdf2-sha256$<iterations>$<salt b64>$<hash b64>`. */
export const users = sqliteTable('users', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  username: text('username').notNull().unique(),
  role: text('role', { enum: ROLES }).notNull(),
  districtCode: text('district_code').references(() => districts.code),
  passwordHash: text('password_hash').notNull(),
  mustChangePassword: integer('must_change_password', { mode: 'boolean' }).notNull(),
  totpSecret: text('totp_secret'),
  totpPendingSecret: text('totp_pending_secret'),
  /** Last accepted TOTP time step: a code is never accepted twice. */
  totpLastStep: integer('totp_last_step'),
  failedAttempts: integer('failed_attempts').notNull().default(0),
  lockedUntil: integer('locked_until'),
  disabled: integer('disabled', { mode: 'boolean' }).notNull().default(false),
  createdAt: integer('created_at').notNull(),
})

/** Server-side sessions; only the SHA-256 of the cookie token is stored. */
export const sessions = sqliteTable(
  'sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    createdAt: integer('created_at').notNull(),
    lastSeenAt: integer('last_seen_at').notNull(),
    /** When the person last proved who they are (sign-in or step-up, matrix B6). */
    verifiedAt: integer('verified_at'),
  },
  // Disabling a user or changing a password deletes all of that user's sessions.
  (t) => [index('sessions_user_idx').on(t.userId)]
)
