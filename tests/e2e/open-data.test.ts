import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parse } from 'csv-parse/sync'
import ExcelJS from 'exceljs'
import { afterAll, describe, expect, it } from 'vitest'
import { url } from '../helpers/e2e.ts'

const DATASETS = ['subjects', 'penalties', 'list-entries', 'cases', 'campaign']
const dir = mkdtempSync(join(tmpdir(), 'open-data-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** LibreOffice, headless: the spreadsheet program the bureau and many readers use. */
function soffice(args: string[]) {
  execFileSync('soffice', ['--headless', `-env:UserInstallation=file://${dir}/profile`, ...args], {
    stdio: 'ignore',
    timeout: 120_000,
  })
}

async function download(name: string) {
  const res = await fetch(url(`/data/${name}`))
  expect(res.status, name).toBe(200)
  const path = join(dir, name)
  writeFileSync(path, Buffer.from(await res.arrayBuffer()))
  return path
}

const rowsOf = (csv: string) =>
  parse(csv.replace(/^\uFEFF/, ''), { relax_column_count: true }) as string[][]

describe('open data in LibreOffice', () => {
  it('opens every XLSX with the CSV’s Chinese headers and values, and the CSV with its UTF-8 import', async () => {
    const ours: Record<string, string[][]> = {}
    for (const name of DATASETS) {
      ours[name] = rowsOf(readFileSync(await download(`${name}.csv`), 'utf8'))
      await download(`${name}.xlsx`)
    }
    // XLSX → CSV (UTF-8) through LibreOffice: what it read is what we published.
    soffice([
      '--convert-to',
      'csv:Text - txt - csv (StarCalc):44,34,76',
      '--outdir',
      join(dir, 'from-xlsx'),
      ...DATASETS.map((n) => join(dir, `${n}.xlsx`)),
    ])
    for (const name of DATASETS) {
      const read = rowsOf(readFileSync(join(dir, 'from-xlsx', `${name}.csv`), 'utf8'))
      expect(read[0], name).toEqual(ours[name]![0])
      expect(read.length, name).toBe(ours[name]!.length)
      // Text cells round-trip exactly (numbers may be re-formatted by the spreadsheet).
      const textColumns = ours[name]![0]!.map((_, i) => i).filter((i) =>
        /[^\d.]/.test(ours[name]![1]?.[i] ?? 'x')
      )
      for (const i of textColumns)
        expect(read[1]?.[i], `${name} column ${i}`).toBe(ours[name]![1]?.[i] ?? '')
    }
    // CSV with LibreOffice's UTF-8 import (as /data/ tells readers): the BOM is not a character.
    soffice([
      '--infilter=CSV:44,34,76,1',
      '--convert-to',
      'xlsx',
      '--outdir',
      join(dir, 'from-csv'),
      join(dir, 'penalties.csv'),
    ])
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.readFile(join(dir, 'from-csv', 'penalties.xlsx'))
    const header: string[] = []
    wb.worksheets[0]!.getRow(1).eachCell((cell) => header.push(cell.text))
    expect(header).toEqual(ours.penalties![0])
    expect(header[0]).toBe('行政相对人名称')
  })
})
