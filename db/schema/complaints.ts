import { blob, index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { districts } from './districts.ts'
import { subjects } from './subjects.ts'

/**
 * 投诉举报 from the public (issue 17). The complainant's name and phone are sealed (AES-256-GCM
 * under a key derived from the server pepper) so the database file never holds them in clear;
 * `accessCodeHash` is SHA-256 of the 查询码, which is shown once and never stored.
 */
export const complaints = sqliteTable(
  'complaints',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    receiptNo: text('receipt_no').notNull().unique(),
    accessCodeHash: text('access_code_hash').notNull(),
    districtCode: text('district_code')
      .notNull()
      .references(() => districts.code),
    projectName: text('project_name').notNull(),
    subjectId: text('subject_id').references(() => subjects.id),
    /** A violation-type code of the seed plan's lists, or `other`. */
    category: text('category').notNull(),
    description: text('description').notNull(),
    occurredOn: text('occurred_on'),
    /** `{name, phone}` sealed; null when the complaint is anonymous (or after erasure). */
    contactSealed: text('contact_sealed'),
    status: text('status', {
      enum: ['submitted', 'accepted', 'refused', 'in_progress', 'closed'],
    }).notNull(),
    /** Why it was not accepted (不予受理), shown to the complainant. */
    refusalReason: text('refusal_reason'),
    /** The reply the complainant reads, published only after a second person approves it. */
    reply: text('reply'),
    replyStatus: text('reply_status', { enum: ['draft', 'submitted', 'published'] }),
    replyBy: integer('reply_by'),
    replyApprovedBy: integer('reply_approved_by'),
    /** 查实: the complaint was found true at closing (counted on the company's credit file). */
    substantiated: integer('substantiated', { mode: 'boolean' }),
    ledgerItemId: integer('ledger_item_id'),
    submittedAt: integer('submitted_at').notNull(),
    acceptedAt: integer('accepted_at'),
    closedAt: integer('closed_at'),
    /** When contact data and photos were erased at the end of the retention period. */
    erasedAt: integer('erased_at'),
    version: integer('version').notNull().default(1),
  },
  (t) => [index('complaints_district_idx').on(t.districtCode, t.status)]
)

/** Photos sent with a complaint, metadata removed before storing; staff only. */
export const complaintPhotos = sqliteTable('complaint_photos', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  complaintId: integer('complaint_id')
    .notNull()
    .references(() => complaints.id),
  mediaType: text('media_type', { enum: ['image/jpeg', 'image/png'] }).notNull(),
  bytes: blob('bytes', { mode: 'buffer' }).notNull(),
})

/**
 * ALTCHA challenges already used: a solution is accepted once (replay refused) until the
 * challenge expires, after which its row may be pruned.
 */
export const spentChallenges = sqliteTable('spent_challenges', {
  signature: text('signature').primaryKey(),
  expiresAt: integer('expires_at').notNull(),
})

/**
 * 异议申诉 (issue 17): "this published record is wrong". The objector's name and contact are
 * sealed like a complainant's; `recordType`/`recordId` name the record (or `subject` for the
 * credit file as a whole). While it is open the record's public page says 异议处理中 (ADR 018).
 */
export const objections = sqliteTable(
  'objections',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    receiptNo: text('receipt_no').notNull().unique(),
    accessCodeHash: text('access_code_hash').notNull(),
    recordType: text('record_type', {
      enum: ['penalty', 'list_entry', 'credit_record', 'typical_case', 'subject'],
    }).notNull(),
    recordId: text('record_id').notNull(),
    subjectId: text('subject_id').references(() => subjects.id),
    districtCode: text('district_code')
      .notNull()
      .references(() => districts.code),
    objectorRole: text('objector_role', { enum: ['subject', 'other'] }).notNull(),
    reason: text('reason').notNull(),
    /** `{name, phone}` sealed (required: the bureau must be able to answer the objector). */
    contactSealed: text('contact_sealed'),
    status: text('status', {
      enum: ['submitted', 'accepted', 'refused', 'in_progress', 'closed'],
    }).notNull(),
    refusalReason: text('refusal_reason'),
    /** 异议成立 (the record is corrected or withdrawn) or 不成立 (a reasoned reply). */
    outcome: text('outcome', { enum: ['upheld', 'not_upheld'] }),
    /** The 更正/撤回 change request that carried out an upheld objection. */
    changeRequestId: integer('change_request_id'),
    reply: text('reply'),
    replyStatus: text('reply_status', { enum: ['draft', 'submitted', 'published'] }),
    replyBy: integer('reply_by'),
    replyApprovedBy: integer('reply_approved_by'),
    submittedAt: integer('submitted_at').notNull(),
    acceptedAt: integer('accepted_at'),
    closedAt: integer('closed_at'),
    erasedAt: integer('erased_at'),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('objections_district_idx').on(t.districtCode, t.status),
    index('objections_record_idx').on(t.recordType, t.recordId),
  ]
)

/** Supporting documents (PDF/JPEG/PNG, typed by their bytes); staff only. */
export const objectionDocuments = sqliteTable('objection_documents', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  objectionId: integer('objection_id')
    .notNull()
    .references(() => objections.id),
  mediaType: text('media_type', { enum: ['application/pdf', 'image/jpeg', 'image/png'] }).notNull(),
  bytes: blob('bytes', { mode: 'buffer' }).notNull(),
})

/**
 * 信用修复申请 online (issue 17): the subject applies with its materials; the application becomes
 * the existing repair change request (`changeRequestId`), reviewed as any other. Contact sealed.
 */
export const repairApplications = sqliteTable('repair_applications', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  receiptNo: text('receipt_no').notNull().unique(),
  accessCodeHash: text('access_code_hash').notNull(),
  recordType: text('record_type', { enum: ['penalty', 'credit_record'] }).notNull(),
  recordId: text('record_id').notNull(),
  subjectId: text('subject_id')
    .notNull()
    .references(() => subjects.id),
  districtCode: text('district_code')
    .notNull()
    .references(() => districts.code),
  applicantRole: text('applicant_role', { enum: ['legal_representative', 'agent'] }).notNull(),
  /** `{name, phone}` of the person applying, sealed. */
  contactSealed: text('contact_sealed'),
  changeRequestId: integer('change_request_id').notNull(),
  submittedAt: integer('submitted_at').notNull(),
  erasedAt: integer('erased_at'),
})

/** The materials sent with an application, each named by its checklist id (rules/repair.json). */
export const repairApplicationDocuments = sqliteTable('repair_application_documents', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  applicationId: integer('application_id')
    .notNull()
    .references(() => repairApplications.id),
  material: text('material').notNull(),
  mediaType: text('media_type', { enum: ['application/pdf', 'image/jpeg', 'image/png'] }).notNull(),
  bytes: blob('bytes', { mode: 'buffer' }).notNull(),
})
