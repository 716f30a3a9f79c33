import type { CreditFile } from '../../db/domain/credit-file.ts'
import { addMonths } from '../../db/domain/dates.ts'
import { listStatusLabel } from '../../db/domain/labels.ts'
import { gradeLabel } from '../../db/domain/rating.ts'
import { normalizeUscc } from '../../db/domain/uscc.ts'

export type CompareFile = { asOf: string; creditFile: CreditFile }
type Cell = { text: string; href?: string }

/** 2–4 distinct subject ids from a shared URL or typed text (commas, spaces or 、 between them). */
export function parseCompareIds(raw: string): string[] {
  const ids = raw
    .split(/[,，、\s]+/)
    .map((s) => normalizeUscc(s))
    .filter(Boolean)
  return [...new Set(ids)].slice(0, 4)
}

/** The list after 加入对比 of `id`: it moves to the end, and only the last four are kept. */
export function addToCompare(stored: string, id: string): string[] {
  const current = parseCompareIds(stored)
  const added = parseCompareIds(id)[0]
  if (!added) return current
  return [...current.filter((c) => c !== added), added].slice(-4)
}

/** The rows of the comparison, one column per subject, from their public credit files. */
export function compareRows(files: CompareFile[]): { label: string; cells: Cell[] }[] {
  const col = (f: (file: CreditFile, asOf: string) => Cell | string) =>
    files.map(({ creditFile, asOf }) => {
      const cell = f(creditFile, asOf)
      return typeof cell === 'string' ? { text: cell } : cell
    })
  const recent = (file: CreditFile, asOf: string) =>
    file.penalties.filter((p) => p.decisionDate >= addMonths(asOf, -36))
  return [
    {
      label: '企业名称',
      cells: col((f) => ({ text: f.subject.name, href: `/enterprises/${f.subject.id}/` })),
    },
    { label: '统一社会信用代码', cells: col((f) => f.subject.uscc ?? f.subject.id) },
    {
      label: '信用等级',
      cells: col((f) => (f.rating ? gradeLabel[f.rating.grade] : '不参与评价')),
    },
    { label: '信用得分', cells: col((f) => (f.rating ? `${f.rating.score} 分` : '—')) },
    { label: '名单状态', cells: col((f) => listStatusLabel[f.listStatus]) },
    {
      label: '近三年行政处罚（严重失信）',
      cells: col(
        (f, asOf) => `${recent(f, asOf).filter((p) => p.severity === 'serious').length} 条`
      ),
    },
    {
      label: '近三年行政处罚（一般失信）',
      cells: col(
        (f, asOf) => `${recent(f, asOf).filter((p) => p.severity === 'general').length} 条`
      ),
    },
    {
      label: '未销号的挂牌督办',
      cells: col((f) => `${f.supervisions.filter((s) => s.progress !== 'closed_out').length} 项`),
    },
    { label: '关联物业项目', cells: col((f) => `${f.projects.length} 个`) },
    {
      label: '信用报告',
      cells: col((f) => ({ text: '打印信用报告', href: `/enterprises/${f.subject.id}/report/` })),
    },
  ]
}
