import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'
import { ESCALATIONS, LEDGER_SOURCES, LEDGER_STATUSES } from '../domain/campaign.ts'
import { districts } from './districts.ts'
import { projects, subjects } from './subjects.ts'

/**
 * 整治台账: one row per problem found (逐一建立台账，实行销号管理). Internal working records: the
 * public sees only per-district counts. `rectifiedBy` may not close the item out (four-eyes).
 */
export const ledgerItems = sqliteTable(
  'ledger_items',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    districtCode: text('district_code')
      .notNull()
      .references(() => districts.code),
    subjectId: text('subject_id').references(() => subjects.id),
    projectId: integer('project_id').references(() => projects.id),
    source: text('source', { enum: LEDGER_SOURCES }).notNull(),
    violationType: text('violation_type').notNull(),
    foundOn: text('found_on').notNull(),
    problem: text('problem').notNull(),
    responsibleParty: text('responsible_party').notNull(),
    measures: text('measures').notNull(),
    deadline: text('deadline').notNull(),
    status: text('status', { enum: LEDGER_STATUSES }).notNull().default('open'),
    evidence: text('evidence'),
    rectifiedOn: text('rectified_on'),
    rectifiedBy: integer('rectified_by'),
    closedOutOn: text('closed_out_on'),
    closedOutBy: integer('closed_out_by'),
    escalatedTo: text('escalated_to', { enum: ESCALATIONS }),
    escalatedOn: text('escalated_on'),
    escalationRef: text('escalation_ref'),
    version: integer('version').notNull().default(1),
    createdBy: integer('created_by'),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('ledger_items_district_idx').on(t.districtCode, t.status)]
)

/** 月度排查整治情况统计表: one per district and month, pre-filled, then submitted. */
export const monthlyReturns = sqliteTable(
  'monthly_returns',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    districtCode: text('district_code')
      .notNull()
      .references(() => districts.code),
    month: text('month').notNull(),
    /** JSON ReturnFigures as submitted (the district may correct the pre-filled counts). */
    figures: text('figures').notNull(),
    /** The pre-filled counts at submission, kept beside what was submitted. */
    computed: text('computed').notNull(),
    achievements: text('achievements').notNull(),
    submittedBy: integer('submitted_by'),
    submittedAt: integer('submitted_at').notNull(),
  },
  (t) => [uniqueIndex('monthly_returns_district_month').on(t.districtCode, t.month)]
)

/** 季度工作总结: the plan's four sections, one per district and quarter. */
export const quarterlySummaries = sqliteTable(
  'quarterly_summaries',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    districtCode: text('district_code')
      .notNull()
      .references(() => districts.code),
    quarter: text('quarter').notNull(),
    work: text('work').notNull(),
    results: text('results').notNull(),
    problems: text('problems').notNull(),
    proposals: text('proposals').notNull(),
    submittedBy: integer('submitted_by'),
    submittedAt: integer('submitted_at').notNull(),
  },
  (t) => [uniqueIndex('quarterly_summaries_district_quarter').on(t.districtCode, t.quarter)]
)

/** 现场观摩: excellent projects the city's leading group chose for on-site observation. */
export const observationProjects = sqliteTable('observation_projects', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  projectId: integer('project_id')
    .notNull()
    .unique()
    .references(() => projects.id),
  citation: text('citation').notNull(),
  chosenOn: text('chosen_on').notNull(),
  createdBy: integer('created_by'),
})
