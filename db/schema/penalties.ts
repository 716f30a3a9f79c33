import { index, integer, sqliteTable, text, unique } from 'drizzle-orm/sqlite-core'
import { PARTY_CATEGORIES } from '../domain/penalty.ts'
import { PUBLICATION_STATUSES } from '../domain/publication.ts'
import { RULE_VERSIONS, SEVERITIES } from '../domain/severity.ts'
import { authorities, districts } from './districts.ts'
import { projects, subjects } from './subjects.ts'

/** 行政处罚 with the national 双公示 fields (legal-rules.md b3), severity and rule version. */
export const penalties = sqliteTable(
  'penalties',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    subjectId: text('subject_id')
      .notNull()
      .references(() => subjects.id),
    partyName: text('party_name').notNull(),
    partyCategory: text('party_category', { enum: PARTY_CATEGORIES }).notNull(),
    partyUscc: text('party_uscc'),
    partyRegistrationNo: text('party_registration_no'),
    partyOrgCode: text('party_org_code'),
    partyTaxNo: text('party_tax_no'),
    partyInstitutionNo: text('party_institution_no'),
    partySocialOrgNo: text('party_social_org_no'),
    legalRepresentative: text('legal_representative'),
    decisionNo: text('decision_no').notNull(),
    violationType: text('violation_type').notNull(),
    facts: text('facts').notNull(),
    legalBasis: text('legal_basis').notNull(),
    /** JSON array of 处罚类别 codes. */
    categories: text('categories', { mode: 'json' }).$type<string[]>().notNull(),
    content: text('content').notNull(),
    fineFen: integer('fine_fen'),
    confiscatedFen: integer('confiscated_fen'),
    licenceAffected: text('licence_affected'),
    decisionDate: text('decision_date').notNull(),
    validUntil: text('valid_until'),
    authorityId: integer('authority_id')
      .notNull()
      .references(() => authorities.id),
    dataSourceId: integer('data_source_id')
      .notNull()
      .references(() => authorities.id),
    remark: text('remark'),
    severity: text('severity', { enum: SEVERITIES }).notNull(),
    ruleVersion: text('rule_version', { enum: RULE_VERSIONS }).notNull(),
    repairableFrom: text('repairable_from'),
    publicUntil: text('public_until'),
    districtCode: text('district_code')
      .notNull()
      .references(() => districts.code),
    projectId: integer('project_id').references(() => projects.id),
    status: text('status', { enum: PUBLICATION_STATUSES }).notNull().default('draft'),
    withdrawnOn: text('withdrawn_on'),
    /** 信用修复: the day an approved repair took the record out of public view before its end. */
    repairedOn: text('repaired_on'),
    withdrawalReason: text('withdrawal_reason'),
    /** Optimistic concurrency: every workflow step bumps it (UPDATE … WHERE version = ?). */
    version: integer('version').notNull().default(1),
    createdBy: integer('created_by'),
    submittedBy: integer('submitted_by'),
    reviewedBy: integer('reviewed_by'),
    rejectionReason: text('rejection_reason'),
  },
  (t) => [
    // 决定书文号 is unique per deciding authority.
    unique('penalties_authority_decision_no_uq').on(t.authorityId, t.decisionNo),
    // Credit files load a subject's penalties; lists page through by decision date.
    index('penalties_subject_idx').on(t.subjectId),
    index('penalties_status_date_idx').on(t.status, t.decisionDate),
  ]
)
