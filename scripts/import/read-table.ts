import { readFile } from 'node:fs/promises'
import { extname } from 'node:path'
import { parse } from 'csv-parse/sync'
import ExcelJS from 'exceljs'

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

/** Read the first sheet of an .xlsx, or a UTF-8 .csv (with or without BOM), as rows of text. */
export async function readTable(file: string): Promise<string[][]> {
  const ext = extname(file).toLowerCase()
  if (ext === '.csv') {
    return parse(await readFile(file), {
      bom: true,
      relax_column_count: true,
      skip_empty_lines: true,
    }) as string[][]
  }
  if (ext === '.xlsx') {
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.readFile(file)
    const sheet = workbook.worksheets[0]
    if (!sheet) return []
    const rows: string[][] = []
    sheet.eachRow({ includeEmpty: false }, (row) => {
      const cells: string[] = []
      for (let c = 1; c <= sheet.columnCount; c++) cells.push(cellText(row.getCell(c).value).trim())
      rows.push(cells)
    })
    return rows
  }
  throw new Error(`Unsupported file type ${ext}: use .csv (UTF-8) or .xlsx`)
}
