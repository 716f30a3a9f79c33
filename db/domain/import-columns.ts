import { z } from 'zod'
import { text } from './public-text.ts'
import { IsoDate } from './dates.ts'
import { penaltyCategoryLabel, severityLabel, subjectKindLabel } from './labels.ts'
import { SubjectKind } from './subject-kind.ts'
import { Uscc } from './uscc.ts'
import { VIOLATION_TYPES } from './violation-type.ts'

/** Reverse a label map: 中文 label → enum value (exact values are accepted too). */
function fromLabel<T extends string>(labels: Record<T, string>) {
  const map = new Map<string, T>()
  for (const [value, label] of Object.entries(labels) as [T, string][]) {
    map.set(value, value)
    map.set(label, value)
  }
  return (text: unknown) => (typeof text === 'string' ? (map.get(text.trim()) ?? text) : text)
}

const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v)

/** 企业基本信息 import rows, with the column names of the open-data file. */
export const SUBJECT_COLUMNS = {
  统一社会信用代码: 'uscc',
  主体名称: 'name',
  主体类型: 'kind',
  所属县区代码: 'districtCode',
  法定代表人: 'legalRepresentative',
  住所: 'address',
  成立日期: 'establishedOn',
} as const

export const ImportSubjectRow = z
  .object({
    uscc: Uscc,
    name: text('主体名称', 100),
    kind: z.preprocess(fromLabel(subjectKindLabel), SubjectKind.exclude(['owners_committee'])),
    districtCode: z.string().regex(/^\d{6}$/, { message: '县区代码应为6位数字' }),
    legalRepresentative: z.preprocess(blankToUndefined, z.string().trim().max(50).optional()),
    address: z.preprocess(blankToUndefined, z.string().trim().max(200).optional()),
    establishedOn: z.preprocess(blankToUndefined, IsoDate.optional()),
  })
  .strict()
export type ImportSubjectRow = z.infer<typeof ImportSubjectRow>

/** 行政处罚 import rows, named as in the national 双公示 standard (legal-rules.md b3). */
export const PENALTY_COLUMNS = {
  '行政相对人代码_1(统一社会信用代码)': 'subjectUscc',
  行政处罚决定书文号: 'decisionNo',
  处罚机关: 'authority',
  处罚决定日期: 'decisionDate',
  违法行为类型: 'violationType',
  违法事实: 'facts',
  处罚依据: 'legalBasis',
  处罚类别: 'category',
  处罚内容: 'content',
  '罚款金额（万元）': 'fineWan',
  失信程度: 'severity',
} as const

const violationFromText = (text: unknown) => {
  if (typeof text !== 'string') return text
  const t = text.trim()
  return VIOLATION_TYPES.find((v) => v.code === t || v.title === t)?.code ?? t
}

/**
 * A 双公示 row becomes the same input the API takes, so one contract (DraftPenaltyInput)
 * validates both: labels become enum values, 万元 becomes 元, blank cells are absent.
 */
export function penaltyRowToInput(row: Record<string, unknown>): Record<string, unknown> {
  const { fineWan, ...rest } = row
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(rest)) if (blankToUndefined(v) !== undefined) out[k] = v
  out.violationType = violationFromText(row.violationType)
  out.category = fromLabel(penaltyCategoryLabel)(row.category)
  out.severity = fromLabel(severityLabel)(row.severity)
  const wan = blankToUndefined(fineWan)
  // 万元 → 元; a non-number stays a string, so the schema names the field.
  if (wan !== undefined)
    out.fineYuan = Number.isFinite(Number(wan)) ? Math.round(Number(wan) * 1_000_000) / 100 : wan
  return out
}

/** Map a header row to field names; unknown headers are reported, not silently dropped. */
export function mapHeaders(headers: string[], columns: Record<string, string>) {
  const fields = headers.map((h) => columns[h.trim()] ?? null)
  const unknown = headers.filter((_, i) => fields[i] === null)
  return { fields, unknown }
}
