import { formatChineseDate } from '../../db/domain/dates.ts'
import type { District } from '../../db/domain/district.ts'

/** 2026-04-01 → 2026年4月1日; null → 无. */
export function formatDate(date: string | null): string {
  return date ? formatChineseDate(date) : '无'
}

// One formatter for every amount: toLocaleString builds a new one per call, which was 0.3 s of a
// 10,000-subject build (issue 18 profile). Same output.
const amount = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 2 })

/** Integer 分 → "¥12,500 元" style Chinese amount; null → 无. */
export function formatFen(fen: number | null): string {
  if (fen === null) return '无'
  return `${amount.format(fen / 100)} 元`
}

/** The district name for a division code, from the snapshot's district list. */
export function districtName(districts: District[], code: string): string {
  return districts.find((d) => d.code === code)?.name ?? code
}

/** Integer 分 → "203.5" (万元), for a headline figure whose unit is set apart. */
export function formatWanFigure(fen: number): string {
  return amount.format(fen / 1_000_000)
}
