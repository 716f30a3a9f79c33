import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { CREDIT_RECORD_KINDS } from '../domain/credit-record.ts'
import { PUBLICATION_STATUSES } from '../domain/publication.ts'
import { RULE_VERSIONS, SEVERITIES } from '../domain/severity.ts'
import { authorities } from './districts.ts'
import { penalties } from './penalties.ts'
import { projects, subjects } from './subjects.ts'

/** 良好/不良信用记录 other than penalties. */
export const creditRecords = sqliteTable(
  'credit_records',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    subjectId: text('subject_id')
      .notNull()
      .references(() => subjects.id),
    kind: text('kind', { enum: CREDIT_RECORD_KINDS }).notNull(),
    category: text('category').notNull(),
    title: text('title').notNull(),
    content: text('content').notNull(),
    authorityId: integer('authority_id')
      .notNull()
      .references(() => authorities.id),
    decisionNo: text('decision_no'),
    decisionDate: text('decision_date').notNull(),
    severity: text('severity', { enum: SEVERITIES }),
    ruleVersion: text('rule_version', { enum: RULE_VERSIONS }),
    repairableFrom: text('repairable_from'),
    publicUntil: text('public_until'),
    projectId: integer('project_id').references(() => projects.id),
    penaltyId: integer('penalty_id').references(() => penalties.id),
    status: text('status', { enum: PUBLICATION_STATUSES }).notNull().default('draft'),
    /** Workflow, as on penalties. */
    version: integer('version').notNull().default(1),
    createdBy: integer('created_by'),
    submittedBy: integer('submitted_by'),
    reviewedBy: integer('reviewed_by'),
    rejectionReason: text('rejection_reason'),
    withdrawnOn: text('withdrawn_on'),
    /** 信用修复, as on penalties. */
    repairedOn: text('repaired_on'),
    withdrawalReason: text('withdrawal_reason'),
  },
  // Credit files load a subject's records.
  (t) => [index('credit_records_subject_idx').on(t.subjectId)]
)
