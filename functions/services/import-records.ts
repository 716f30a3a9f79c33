import { z } from 'zod'
import { DomainError, ForbiddenError, ValidationError, type Issue } from '../../db/domain/errors.ts'
import {
  ImportSubjectRow,
  mapHeaders,
  PENALTY_COLUMNS,
  penaltyRowToInput,
  SUBJECT_COLUMNS,
} from '../../db/domain/import-columns.ts'
import { DraftPenaltyInput } from '../../db/domain/penalty-input.ts'
import { currentValues, diffChanges } from '../../db/domain/correction.ts'
import {
  findAuthorityByName,
  findPenaltyByDecisionNo,
  findSubjectRow,
} from '../../db/mutations/penalties.ts'
import { findOpenChange } from '../../db/mutations/change-requests.ts'
import type { DbOrTx } from '../../db/mutations/users.ts'
import type { ServiceContext } from '../context.ts'
import { toIssues } from '../validate.ts'
import { draftCorrectionIn, draftSubjectIn } from './draft-change.ts'
import { draftPenaltyIn } from './draft-penalty.ts'

/** Rows per transaction: small enough for a Worker's subrequest budget, large enough to be quick. */
export const IMPORT_CHUNK = 200
/** One job at most (matrix G2). */
export const IMPORT_MAX_ROWS = 20_000

export type ImportKind = 'subjects' | 'penalties'
export type RowError = { row: number } & Issue
export type ImportReport = {
  kind: ImportKind
  rows: number
  created: number
  updated: number
  unchanged: number
  errors: RowError[]
  dryRun: boolean
}

/** Which data set a header row belongs to: 双公示 penalty columns, or subject basic information. */
export function detectKind(headers: string[]): ImportKind {
  return headers.some((h) => h.trim() === '行政处罚决定书文号') ? 'penalties' : 'subjects'
}

class Rollback extends Error {}

/**
 * 批量导入 — subjects (by USCC, as change requests submitted for review) or penalties (by authority + 文号, entering as drafts so
 * four-eyes review still applies). Each chunk of 200 rows is one transaction with its audit rows.
 * A dry run executes the same code and rolls every chunk back, so it reports exactly what a real
 * run would refuse. A real run first does a dry run and writes nothing if any row is wrong.
 */
export async function importRecords(
  ctx: ServiceContext,
  table: string[][],
  opts: { dryRun: boolean }
): Promise<ImportReport> {
  const actor = ctx.actor!
  if (actor.role !== 'admin' && actor.role !== 'editor')
    throw new ForbiddenError('只有录入员和系统管理员可以导入')
  const [headers = [], ...body] = table.filter((r) => r.some((cell) => cell.trim() !== ''))
  const kind = detectKind(headers)
  const { fields, unknown } = mapHeaders(
    headers,
    kind === 'penalties' ? PENALTY_COLUMNS : SUBJECT_COLUMNS
  )
  if (unknown.length) {
    throw new ValidationError([
      { field: 'headers', code: 'unknown', message: `无法识别的列：${unknown.join('、')}` },
    ])
  }
  if (body.length > IMPORT_MAX_ROWS) {
    throw new ValidationError([
      { field: 'rows', code: 'too_many', message: `单次最多导入${IMPORT_MAX_ROWS}行` },
    ])
  }
  const records = body.map((cells) =>
    Object.fromEntries(fields.map((f, i) => [f!, cells[i] ?? '']))
  )
  const rehearsal = await runChunks(ctx, kind, records, true)
  if (opts.dryRun || rehearsal.errors.length) return { ...rehearsal, dryRun: opts.dryRun }
  return { ...(await runChunks(ctx, kind, records, false)), dryRun: false }
}

async function runChunks(
  ctx: ServiceContext,
  kind: ImportKind,
  records: Record<string, string>[],
  dryRun: boolean
) {
  const report: ImportReport = {
    kind,
    rows: records.length,
    created: 0,
    updated: 0,
    unchanged: 0,
    errors: [],
    dryRun,
  }
  for (let start = 0; start < records.length; start += IMPORT_CHUNK) {
    const chunk = records.slice(start, start + IMPORT_CHUNK)
    const counts = { created: 0, updated: 0, unchanged: 0 }
    const errors: RowError[] = []
    try {
      await ctx.db.transaction(async (tx) => {
        for (const [i, record] of chunk.entries()) {
          // Row numbers as a spreadsheet shows them: the header is row 1.
          const row = start + i + 2
          try {
            counts[await importRow(tx, ctx, kind, record)]++
          } catch (err) {
            if (!(err instanceof DomainError)) throw err
            const issues =
              err instanceof ValidationError
                ? err.issues
                : [{ field: '', code: err.code, message: err.message }]
            errors.push(...issues.map((issue) => ({ row, ...issue })))
          }
        }
        if (dryRun || errors.length) throw new Rollback()
      })
    } catch (err) {
      if (!(err instanceof Rollback)) throw err
    }
    report.errors.push(...errors)
    if (!errors.length) {
      report.created += counts.created
      report.updated += counts.updated
      report.unchanged += counts.unchanged
    }
  }
  return report
}

function parse<T extends z.ZodType>(schema: T, value: unknown): z.output<T> {
  const result = schema.safeParse(value)
  if (!result.success) throw new ValidationError(toIssues(result.error))
  return result.data
}

async function importRow(
  tx: DbOrTx,
  ctx: ServiceContext,
  kind: ImportKind,
  record: Record<string, string>
) {
  if (kind === 'subjects') return importSubject(tx, ctx, parse(ImportSubjectRow, record))
  const input = parse(DraftPenaltyInput, penaltyRowToInput(record))
  const authority = await findAuthorityByName(tx, input.authority)
  // Re-importing the same file changes nothing: a known 文号 of that authority is left alone.
  if (authority && (await findPenaltyByDecisionNo(tx, authority.id, input.decisionNo)))
    return 'unchanged'
  await draftPenaltyIn(tx, ctx, input)
  return 'created'
}

/**
 * A subject row becomes a change request submitted for review — a new subject, or a correction
 * of the fields that differ — so basic information never reaches the public site without a
 * second person. Re-running the same file finds the open request and changes nothing.
 */
async function importSubject(tx: DbOrTx, ctx: ServiceContext, s: ImportSubjectRow) {
  const existing = await findSubjectRow(tx, s.uscc)
  const open = await findOpenChange(tx, 'subject', s.uscc)
  if (!existing) {
    if (open?.action === 'create') return 'unchanged'
    await draftSubjectIn(tx, ctx, s, { submit: true })
    return 'created'
  }
  // Blank cells leave a field as it is; the file cannot clear published information.
  const changes = Object.fromEntries(
    Object.entries({
      name: s.name,
      districtCode: s.districtCode,
      legalRepresentative: s.legalRepresentative,
      address: s.address,
      establishedOn: s.establishedOn,
    }).filter(([, v]) => v !== undefined)
  )
  const diff = diffChanges('subject', currentValues('subject', existing), changes)
  if (!diff.length) return 'unchanged'
  if (open && JSON.stringify(open.changes) === JSON.stringify(diff)) return 'unchanged'
  await draftCorrectionIn(
    tx,
    ctx,
    'subject',
    s.uscc,
    { changes, reason: '批量导入更新基本信息' },
    { submit: true }
  )
  return 'updated'
}
