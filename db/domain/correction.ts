import { z } from 'zod'
import { dateField } from './fields.ts'
import { addMonths, formatChineseDate, IsoDate } from './dates.ts'
import { DivisionCode } from './district.ts'
import type { Issue } from './errors.ts'
import { severityLabel } from './labels.ts'
import { FineYuan } from './penalty-input.ts'
import { publicText, text } from './public-text.ts'
import { Severity } from './severity.ts'
import { VIOLATION_CODES, VIOLATION_TYPES } from './violation-type.ts'

/**
 * 更正 — what may be corrected on a published record, per kind, in the API's terms. A correction
 * is a change request that a second person approves (like any publication); the public change
 * log then shows each field's old and new text with the date and the stated reason.
 *
 * Identity fields (the subject a record is about, its 文号 and deciding authority, a list's
 * colour) are deliberately absent: changing those is a different record, so the old one is
 * withdrawn with a reason and a new one drafted.
 */
export const CHANGE_TARGETS = [
  'subject',
  'penalty',
  'listEntry',
  'creditRecord',
  'typicalCase',
  'supervision',
] as const
export type ChangeTarget = (typeof CHANGE_TARGETS)[number]

export const changeTargetLabel = {
  subject: '主体基本信息',
  penalty: '行政处罚',
  listEntry: '红黑名单条目',
  creditRecord: '信用记录',
  typicalCase: '典型案例',
  supervision: '挂牌督办事项',
} as const satisfies Record<ChangeTarget, string>

/** The object type each target has in audit rows and the public change log. */
export const changeTargetObjectType = {
  subject: 'subject',
  penalty: 'penalty',
  listEntry: 'list_entry',
  creditRecord: 'credit_record',
  typicalCase: 'typical_case',
  supervision: 'supervision',
} as const satisfies Record<ChangeTarget, string>

/** The reverse: which correctable target a change-log object type is. */
export const targetOfObjectType = Object.fromEntries(
  Object.entries(changeTargetObjectType).map(([target, type]) => [type, target])
) as Record<string, ChangeTarget>

export const CHANGE_ACTIONS = ['create', 'correct', 'withdraw', 'repair'] as const
export type ChangeAction = (typeof CHANGE_ACTIONS)[number]
export const changeActionLabel = {
  create: '新增主体',
  correct: '更正',
  withdraw: '撤回公示',
  repair: '信用修复',
} as const satisfies Record<ChangeAction, string>

/**
 * 撤回申请 — the decision behind a published record was changed, revoked, or found illegal or
 * void (行政处罚法 §48): the date that happened starts the 3-working-day clock.
 */
export const WithdrawalRequestInput = z
  .object({ changedOn: dateField('决定变更或撤销日期'), reason: publicText('撤回理由', 1000) })
  .strict()
export type WithdrawalRequestInput = z.infer<typeof WithdrawalRequestInput>

export type FieldSpec = {
  label: string
  /** The table column it is stored in. */
  column: string
  schema: z.ZodType
  input: 'text' | 'textarea' | 'date' | 'number' | 'select'
  /** For selects: value → Chinese label. */
  options?: Record<string, string>
  /** API value ↔ column value, where they differ (元 ↔ 分). */
  toColumn?: (v: unknown) => unknown
  fromColumn?: (v: unknown) => unknown
  /** How the public change log writes a value. */
  display?: (v: unknown) => string
}

const date = (label: string, column: string): FieldSpec => ({
  label,
  column,
  schema: IsoDate,
  input: 'date',
  display: (v) => formatChineseDate(String(v)),
})
/** Published prose: refused if it carries personal information. */
const prose = (label: string, column: string, max: number): FieldSpec => ({
  label,
  column,
  schema: publicText(label, max),
  input: max > 200 ? 'textarea' : 'text',
})
/** A field a record may leave empty: null clears it. */
const optional = (spec: FieldSpec): FieldSpec => ({ ...spec, schema: spec.schema.nullable() })
const severity: FieldSpec = {
  label: '失信程度',
  column: 'severity',
  schema: Severity,
  input: 'select',
  options: severityLabel,
}

export const CORRECTABLE: Record<ChangeTarget, Record<string, FieldSpec>> = {
  // An organisation's registered particulars are public by law; no personal-information check.
  subject: {
    name: { ...prose('主体名称', 'name', 100), schema: text('主体名称', 100) },
    districtCode: {
      label: '所属县区代码',
      column: 'districtCode',
      schema: DivisionCode,
      input: 'text',
    },
    legalRepresentative: optional({
      ...prose('法定代表人', 'legalRepresentative', 50),
      schema: text('法定代表人', 50),
    }),
    address: optional({ ...prose('住所', 'address', 200), schema: text('住所', 200) }),
    establishedOn: optional(date('成立日期', 'establishedOn')),
    registeredCapitalWan: optional({
      label: '注册资本（万元）',
      column: 'registeredCapitalWan',
      schema: z.number({ message: '注册资本应为数字' }).nonnegative().max(10_000_000),
      input: 'number',
    }),
  },
  penalty: {
    violationType: {
      label: '违法行为类型',
      column: 'violationType',
      schema: z.enum(VIOLATION_CODES, { message: '违法行为类型不在专项整治方案所列范围内' }),
      input: 'select',
      options: Object.fromEntries(VIOLATION_TYPES.map((v) => [v.code, v.title])),
    },
    facts: prose('违法事实', 'facts', 5000),
    legalBasis: prose('处罚依据', 'legalBasis', 2000),
    content: prose('处罚内容', 'content', 2000),
    fineYuan: optional({
      label: '罚款金额（元）',
      column: 'fineFen',
      schema: FineYuan,
      input: 'number',
      toColumn: (v) => (v === null ? null : Math.round(Number(v) * 100)),
      fromColumn: (v) => (v === null ? null : Number(v) / 100),
      display: (v) => `${Number(v).toLocaleString('zh-CN')} 元`,
    }),
    decisionDate: date('处罚决定日期', 'decisionDate'),
    severity,
  },
  creditRecord: {
    title: prose('标题', 'title', 100),
    content: prose('记录内容', 'content', 2000),
    decisionNo: optional(prose('文号', 'decisionNo', 100)),
    decisionDate: date('认定日期', 'decisionDate'),
    severity: optional(severity),
  },
  listEntry: {
    reason: prose('列入事由', 'reason', 1000),
    basis: prose('认定依据', 'basis', 500),
    validUntil: date('有效期至', 'validUntil'),
    measures: prose('激励或惩戒措施', 'measures', 1000),
    removalRoute: prose('移出条件与途径', 'removalRoute', 1000),
  },
  typicalCase: {
    title: prose('标题', 'title', 100),
    background: prose('基本情况', 'background', 5000),
    violationFacts: prose('违法事实', 'violationFacts', 5000),
    legalBasis: prose('处罚依据', 'legalBasis', 5000),
    outcome: prose('处理结果', 'outcome', 5000),
  },
  supervision: {
    problem: prose('督办问题', 'problem', 2000),
    deadline: date('整改期限', 'deadline'),
  },
}

/** The body of POST …/{id}/correct: the changed fields only, and the public reason. */
export function correctionInput(target: ChangeTarget) {
  const fields = CORRECTABLE[target]
  const shape = Object.fromEntries(
    Object.entries(fields).map(([name, spec]) => [name, spec.schema.optional()])
  )
  return z
    .object({
      changes: z
        .object(shape)
        .strict()
        .refine((c) => Object.keys(c).length > 0, { message: '请至少更正一项内容' }),
      reason: publicText('更正理由', 1000),
    })
    .strict()
}

/** One line of a public change log: 字段 from → to, as people read it. */
export type FieldChange = {
  field: string
  label: string
  from: unknown
  to: unknown
  fromText: string
  toText: string
}

export function displayValue(spec: FieldSpec, v: unknown): string {
  if (v === null || v === undefined || v === '') return '（空）'
  if (spec.options) return spec.options[String(v)] ?? String(v)
  return spec.display ? spec.display(v) : String(v)
}

/** The current value of each correctable field, read from a stored row, in API terms. */
export function currentValues(target: ChangeTarget, row: Record<string, unknown>) {
  return Object.fromEntries(
    Object.entries(CORRECTABLE[target]).map(([name, spec]) => {
      const raw = row[spec.column] ?? null
      return [name, spec.fromColumn ? spec.fromColumn(raw) : raw]
    })
  )
}

/** The fields that really change, with both values as stored and as displayed. */
export function diffChanges(
  target: ChangeTarget,
  current: Record<string, unknown>,
  changes: Record<string, unknown>
): FieldChange[] {
  const out: FieldChange[] = []
  for (const [field, to] of Object.entries(changes)) {
    const spec = CORRECTABLE[target][field]!
    const from = current[field] ?? null
    if (from === to) continue
    out.push({
      field,
      label: spec.label,
      from,
      to,
      fromText: displayValue(spec, from),
      toText: displayValue(spec, to),
    })
  }
  return out
}

/** Column values to write for a set of field changes. */
export function changeColumns(target: ChangeTarget, changes: FieldChange[]) {
  return Object.fromEntries(
    changes.map((c) => {
      const spec = CORRECTABLE[target][c.field]!
      return [spec.column, spec.toColumn ? spec.toColumn(c.to) : c.to]
    })
  )
}

/**
 * Rules that span fields, checked on the record as it would read after the correction (the
 * same rules its draft had to pass). `context` carries what the record alone does not say.
 */
export function checkCorrected(
  target: ChangeTarget,
  merged: Record<string, unknown>,
  context: { today: string; subjectKind?: string; recordKind?: string; list?: string }
): Issue[] {
  const issues: Issue[] = []
  const issue = (field: string, message: string) => issues.push({ field, code: 'custom', message })
  const date = (k: string) => (typeof merged[k] === 'string' ? (merged[k] as string) : null)
  for (const k of ['decisionDate', 'establishedOn']) {
    const d = date(k)
    if (d && d > context.today) issue(k, '日期不能晚于今天')
  }
  if (target === 'penalty') {
    if (merged.severity === 'minor')
      issue('severity', '轻微失信信息依法不予公示；如处罚决定已变更，请撤回该记录')
    const code = String(merged.violationType)
    if (context.subjectKind && !code.startsWith(`${context.subjectKind}.`))
      issue('violationType', '违法行为类型与当事人类型不符')
  }
  if (target === 'creditRecord') {
    if (context.recordKind === 'good' && merged.severity) {
      issue('severity', '良好信用记录不设失信程度')
    }
    if (context.recordKind === 'bad') {
      if (!merged.severity) issue('severity', '不良信用记录须注明失信程度')
      if (merged.severity === 'minor')
        issue('severity', '轻微失信信息依法不予公示；如认定已变更，请撤回该记录')
    }
  }
  if (target === 'listEntry') {
    const from = date('decisionDate')!
    const until = date('validUntil')!
    if (until <= from) issue('validUntil', '有效期截止日期应晚于列入日期')
    if (context.list === 'black' && until > addMonths(from, 36))
      issue('validUntil', '黑名单有效期自列入之日起不超过3年')
  }
  if (target === 'supervision' && date('deadline')! <= date('listedOn')!) {
    issue('deadline', '整改期限应晚于挂牌日期')
  }
  return issues
}
