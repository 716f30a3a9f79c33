import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { afterAll, describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { parseTable } from './parse-table.ts'

const readTable = async (file: string) => parseTable(file, new Uint8Array(readFileSync(file)))

const dir = mkdtempSync(join(tmpdir(), 'import-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('parseTable', () => {
  it('reads a UTF-8 CSV with a BOM and quoted commas', async () => {
    const file = join(dir, 'a.csv')
    writeFileSync(file, '\uFEFF主体名称,住所\n"盘锦甲物业服务有限公司","兴隆台区,石油大街1号"\n')
    expect(await readTable(file)).toEqual([
      ['主体名称', '住所'],
      ['盘锦甲物业服务有限公司', '兴隆台区,石油大街1号'],
    ])
  })

  it('reads the first XLSX sheet, turning date cells into YYYY-MM-DD', async () => {
    const file = join(dir, 'a.xlsx')
    const wb = new ExcelJS.Workbook()
    const sheet = wb.addWorksheet('主体')
    sheet.addRow(['主体名称', '成立日期'])
    sheet.addRow(['盘锦乙物业服务有限公司', new Date(Date.UTC(2015, 2, 1))])
    await wb.xlsx.writeFile(file)
    expect(await readTable(file)).toEqual([
      ['主体名称', '成立日期'],
      ['盘锦乙物业服务有限公司', '2015-03-01'],
    ])
  })

  it('refuses other file types', async () => {
    await expect(parseTable('a.xls', new Uint8Array())).rejects.toThrow()
  })
})
