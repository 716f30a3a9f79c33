import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { SUPERVISION_PROGRESS } from '../domain/listed-supervision.ts'
import { PUBLICATION_STATUSES } from '../domain/publication.ts'
import { authorities, districts } from './districts.ts'
import { projects, subjects } from './subjects.ts'

/** 挂牌督办 of a project, with deadline, progress and the published result. */
export const listedSupervisions = sqliteTable('listed_supervisions', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  projectId: integer('project_id')
    .notNull()
    .references(() => projects.id),
  subjectId: text('subject_id').references(() => subjects.id),
  districtCode: text('district_code')
    .notNull()
    .references(() => districts.code),
  violationType: text('violation_type'),
  problem: text('problem').notNull(),
  authorityId: integer('authority_id')
    .notNull()
    .references(() => authorities.id),
  listedOn: text('listed_on').notNull(),
  deadline: text('deadline').notNull(),
  progress: text('progress', { enum: SUPERVISION_PROGRESS }).notNull(),
  result: text('result'),
  closedOutOn: text('closed_out_on'),
  status: text('status', { enum: PUBLICATION_STATUSES }).notNull().default('draft'),
  /** Workflow, as on penalties; `resultBy` records who entered the result, who may not close out. */
  version: integer('version').notNull().default(1),
  createdBy: integer('created_by'),
  submittedBy: integer('submitted_by'),
  reviewedBy: integer('reviewed_by'),
  rejectionReason: text('rejection_reason'),
  withdrawnOn: text('withdrawn_on'),
  withdrawalReason: text('withdrawal_reason'),
  resultBy: integer('result_by'),
})
