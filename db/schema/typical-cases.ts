import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { PUBLICATION_STATUSES } from '../domain/publication.ts'
import { authorities, districts } from './districts.ts'
import { penalties } from './penalties.ts'
import { projects, subjects } from './subjects.ts'

/** 典型案例 with the seed plan's four sections. */
export const typicalCases = sqliteTable('typical_cases', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  title: text('title').notNull(),
  subjectId: text('subject_id')
    .notNull()
    .references(() => subjects.id),
  projectId: integer('project_id').references(() => projects.id),
  penaltyId: integer('penalty_id').references(() => penalties.id),
  districtCode: text('district_code')
    .notNull()
    .references(() => districts.code),
  authorityId: integer('authority_id')
    .notNull()
    .references(() => authorities.id),
  publishedOn: text('published_on').notNull(),
  background: text('background').notNull(),
  violationFacts: text('violation_facts').notNull(),
  legalBasis: text('legal_basis').notNull(),
  outcome: text('outcome').notNull(),
  status: text('status', { enum: PUBLICATION_STATUSES }).notNull().default('draft'),
  /** Workflow, as on penalties; a withdrawn case keeps its URL with the published reason. */
  version: integer('version').notNull().default(1),
  createdBy: integer('created_by'),
  submittedBy: integer('submitted_by'),
  reviewedBy: integer('reviewed_by'),
  rejectionReason: text('rejection_reason'),
  withdrawnOn: text('withdrawn_on'),
  withdrawalReason: text('withdrawal_reason'),
})
