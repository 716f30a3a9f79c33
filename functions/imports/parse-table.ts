import { parse } from 'csv-parse/sync'
import ExcelJS from 'exceljs'
import { ValidationError } from '../../db/domain/errors.ts'

/** A cell as text; dates become YYYY-MM-DD (Excel stores them as dates, bureaus type them as text). */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return ''
  if (value instanceof Date) return value.toISOString().slice(0, 10)
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('')
    if ('text' in value) return String(value.text)
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue)
  }
  return String(value)
}

/** The first sheet of an .xlsx, or a UTF-8 .csv (with or without BOM), as rows of text. */
export async function parseTable(filename: string, bytes: Uint8Array): Promise<string[][]> {
  const ext = filename.toLowerCase().match(/\.[a-z]+$/)?.[0]
  if (ext === '.csv') {
    try {
      return parse(bytes, {
        bom: true,
        relax_column_count: true,
        skip_empty_lines: true,
      }) as string[][]
    } catch {
      throw new ValidationError([
        { field: 'file', code: 'csv', message: 'CSV 文件格式不正确，请另存为 UTF-8 编码的 CSV' },
      ])
    }
  }
  if (ext === '.xlsx') {
    const workbook = new ExcelJS.Workbook()
    try {
      await workbook.xlsx.load(
        bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer
      )
    } catch {
      throw new ValidationError([
        { field: 'file', code: 'xlsx', message: 'Excel 文件无法读取，请使用 .xlsx 格式' },
      ])
    }
    const sheet = workbook.worksheets[0]
    const rows: string[][] = []
    sheet?.eachRow({ includeEmpty: false }, (row) => {
      const cells: string[] = []
      for (let c = 1; c <= sheet.columnCount; c++) cells.push(cellText(row.getCell(c).value).trim())
      rows.push(cells)
    })
    return rows
  }
  throw new ValidationError([
    { field: 'file', code: 'type', message: '只支持 .csv（UTF-8）或 .xlsx 文件' },
  ])
}
