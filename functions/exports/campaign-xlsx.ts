import ExcelJS from 'exceljs'
import {
  escalationLabel,
  ledgerSourceLabel,
  ledgerStatusLabel,
  RETURN_FIGURES,
  type ReturnFigures,
} from '../../db/domain/campaign.ts'
import { findViolationType } from '../../db/domain/violation-type.ts'
import type { LedgerItemView } from '../../db/queries/campaign.ts'

/**
 * Workbooks in the layout a bureau files: a title row naming the table and the unit, bold
 * headers, frozen panes, column widths for Chinese text. Opened in LibreOffice by the e2e test.
 */
function sheet(wb: ExcelJS.Workbook, name: string, title: string, headers: string[]) {
  const ws = wb.addWorksheet(name)
  ws.addRow([title]).font = { bold: true, size: 14 }
  ws.mergeCells(1, 1, 1, headers.length)
  ws.addRow(headers).font = { bold: true }
  ws.views = [{ state: 'frozen', ySplit: 2 }]
  ws.columns.forEach((c) => (c.width = 16))
  return ws
}

const bytes = async (wb: ExcelJS.Workbook) => new Uint8Array(await wb.xlsx.writeBuffer())

/** 专项整治问题台账 — one row per item, with its status, close-out and escalation. */
export async function ledgerWorkbook(
  items: LedgerItemView[],
  meta: { unit: string; asOf: string; districtName: (code: string) => string }
) {
  const wb = new ExcelJS.Workbook()
  wb.creator = meta.unit
  const headers = [
    '序号',
    '县区',
    '责任主体',
    '物业项目',
    '问题来源',
    '问题类型',
    '发现日期',
    '问题描述',
    '整改责任人',
    '整改措施',
    '整改期限',
    '状态',
    '是否逾期',
    '整改完成日期',
    '整改情况及佐证',
    '销号日期',
    '转办情况',
  ]
  const ws = sheet(wb, '问题台账', `专项整治问题台账（截至${meta.asOf}）`, headers)
  items.forEach((item, i) =>
    ws.addRow([
      i + 1,
      meta.districtName(item.districtCode),
      item.subjectName ?? '',
      item.projectName ?? '',
      ledgerSourceLabel[item.source],
      findViolationType(item.violationType)?.title ?? item.violationType,
      item.foundOn,
      item.problem,
      item.responsibleParty,
      item.measures,
      item.deadline,
      ledgerStatusLabel[item.status],
      item.overdue ? '是' : '否',
      item.rectifiedOn ?? '',
      item.evidence ?? '',
      item.closedOutOn ?? '',
      item.escalatedTo ? `${escalationLabel[item.escalatedTo]} ${item.escalationRef}` : '',
    ])
  )
  return bytes(wb)
}

type DistrictReturn = {
  districtCode: string
  districtName: string
  computed: ReturnFigures
  submitted: { figures: ReturnFigures; achievements: string; at: string; late: boolean } | null
}

/**
 * 各县区排查整治情况统计表 — one workbook for the month: a summary sheet with every district's
 * submitted figures and a city total, who has not submitted, and each district's 阶段性工作成果.
 */
export async function returnsWorkbook(
  month: string,
  dueOn: string,
  districts: DistrictReturn[],
  unit: string
) {
  const wb = new ExcelJS.Workbook()
  wb.creator = unit
  const headers = ['县区', '报送状态', ...RETURN_FIGURES.map(([, label]) => label)]
  const ws = sheet(wb, '汇总', `${month} 专项整治排查整治情况统计表（${dueOn}前报送）`, headers)
  const total = Object.fromEntries(RETURN_FIGURES.map(([k]) => [k, 0])) as ReturnFigures
  for (const d of districts) {
    const f = d.submitted?.figures
    const state = d.submitted ? (d.submitted.late ? '逾期报送' : '已报送') : '未报送'
    ws.addRow([d.districtName, state, ...RETURN_FIGURES.map(([k]) => (f ? f[k] : ''))])
    if (f) for (const [k] of RETURN_FIGURES) total[k] += f[k]
  }
  ws.addRow(['合计（已报送）', '', ...RETURN_FIGURES.map(([k]) => total[k])]).font = { bold: true }
  const notes = sheet(wb, '阶段性工作成果', `${month} 各县区阶段性工作成果`, [
    '县区',
    '报送时间',
    '阶段性工作成果',
  ])
  notes.getColumn(3).width = 80
  for (const d of districts)
    notes.addRow([
      d.districtName,
      d.submitted ? beijingTime(d.submitted.at) : '未报送',
      d.submitted?.achievements ?? '',
    ])
  return bytes(wb)
}

/** 2026-11-20T08:00:00Z → 2026-11-20 16:00 (Beijing time, as the bureau reads it). */
const beijingTime = (iso: string) =>
  new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ')
