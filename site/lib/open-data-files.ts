import { stringify } from 'csv-stringify/sync'
import ExcelJS from 'exceljs'
import type { PublicSnapshot } from '../../db/queries/index.ts'
import { datasetTable, type Dataset } from './open-data.ts'

/*
 * The files of an open data set. Apart from open-data.ts (what the sets hold) so the build
 * pipeline can digest a set's values without loading the CSV and XLSX writers.
 */

/** CSV with a UTF-8 BOM, so Excel opens the Chinese text correctly. */
export function toCsv(ds: Dataset, snap: PublicSnapshot): string {
  const rows = datasetTable(ds, snap).map((row) => row.map((value) => value ?? ''))
  return '\uFEFF' + stringify([ds.columns.map((c) => c.header), ...rows])
}

/** JSON: `{ snapshotDate, licence, records: [...] }` with the English keys of the data dictionary. */
export function toJson(ds: Dataset, snap: PublicSnapshot, licence: string): string {
  const records = datasetTable(ds, snap).map((row) =>
    Object.fromEntries(ds.columns.map((c, i) => [c.key, row[i]]))
  )
  return JSON.stringify({ dataset: ds.name, snapshotDate: snap.asOf, licence, records })
}

/**
 * XLSX: the same columns and values as the CSV, for spreadsheet programs that do not honour a
 * CSV's byte-order mark (LibreOffice asks for the character set; an XLSX never needs one).
 */
export async function toXlsx(ds: Dataset, snap: PublicSnapshot): Promise<ArrayBuffer> {
  const wb = new ExcelJS.Workbook()
  wb.creator = snap.jurisdiction.publisher.name
  const ws = wb.addWorksheet(ds.title)
  ws.addRow(ds.columns.map((c) => c.header)).font = { bold: true }
  for (const row of datasetTable(ds, snap)) ws.addRow(row.map((value) => value ?? ''))
  ws.views = [{ state: 'frozen', ySplit: 1 }]
  const buffer = await wb.xlsx.writeBuffer()
  return new Uint8Array(buffer).slice().buffer
}
