import { index, integer, real, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { PUBLICATION_STATUSES } from '../domain/publication.ts'
import { SUBJECT_KINDS } from '../domain/subject-kind.ts'
import { districts } from './districts.ts'

/** 物业服务企业 / 建设单位 / 业主委员会; `id` is the USCC or a stable local id (L…). */
export const subjects = sqliteTable(
  'subjects',
  {
    id: text('id').primaryKey(),
    uscc: text('uscc').unique(),
    kind: text('kind', { enum: SUBJECT_KINDS }).notNull(),
    name: text('name').notNull(),
    districtCode: text('district_code')
      .notNull()
      .references(() => districts.code),
    legalRepresentative: text('legal_representative'),
    address: text('address'),
    establishedOn: text('established_on'),
    registeredCapitalWan: real('registered_capital_wan'),
    projectId: integer('project_id'),
    termEndsOn: text('term_ends_on'),
    status: text('status', { enum: PUBLICATION_STATUSES }).notNull().default('draft'),
    /** Bumped by each approved correction, so a stale correction cannot overwrite a newer one. */
    version: integer('version').notNull().default(1),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  },
  // The directory filters by district and kind.
  (t) => [index('subjects_district_kind_idx').on(t.districtCode, t.kind)]
)

/** 物业项目(小区). */
export const projects = sqliteTable('projects', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull(),
  districtCode: text('district_code')
    .notNull()
    .references(() => districts.code),
  address: text('address').notNull(),
  households: integer('households'),
  developerId: text('developer_id').references(() => subjects.id),
  completedOn: text('completed_on'),
  status: text('status', { enum: PUBLICATION_STATUSES }).notNull().default('draft'),
})

/** Which company manages which estate, since when (and until when, once it leaves). */
export const projectManagements = sqliteTable(
  'project_managements',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    projectId: integer('project_id')
      .notNull()
      .references(() => projects.id),
    companyId: text('company_id')
      .notNull()
      .references(() => subjects.id),
    since: text('since').notNull(),
    until: text('until'),
  },
  // Credit files list a company's projects; project pages list their companies.
  (t) => [
    index('project_managements_company_idx').on(t.companyId),
    index('project_managements_project_idx').on(t.projectId),
  ]
)
