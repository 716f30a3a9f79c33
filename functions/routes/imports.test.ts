import ExcelJS from 'exceljs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { changeRequests, subjects } from '../../db/schema/index.ts'
import { makeUscc } from '../../tests/fixtures/builders.ts'
import {
  addUser,
  createTestApp,
  logInAs,
  post,
  type TestApp,
} from '../../tests/helpers/test-app.ts'

let t: TestApp
beforeEach(async () => {
  t = await createTestApp()
})
afterEach(() => t.cleanup())

async function xlsxBase64(rows: string[][]): Promise<string> {
  const wb = new ExcelJS.Workbook()
  const sheet = wb.addWorksheet('主体')
  for (const r of rows) sheet.addRow(r)
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64')
}
const table = [
  ['统一社会信用代码', '主体名称', '主体类型', '所属县区代码'],
  [makeUscc(7), '盘锦上传物业服务有限公司', '物业服务企业', '211103'],
]

describe('POST /api/v1/imports', () => {
  it('checks, then imports an uploaded XLSX for an editor; an auditor may not', async () => {
    const editor = await addUser(t, 'editor-xl', 'editor', '211103')
    const cookie = await logInAs(t, 'editor-xl', editor.secret)
    const body = { filename: '主体.xlsx', contentBase64: await xlsxBase64(table) }
    expect(
      await (await post(t, '/api/v1/imports', { ...body, dryRun: true }, cookie)).json()
    ).toMatchObject({ created: 1, dryRun: true })
    expect(await t.db.select().from(subjects)).toEqual([])
    expect(
      await (await post(t, '/api/v1/imports', { ...body, dryRun: false }, cookie)).json()
    ).toMatchObject({ created: 1, dryRun: false })
    // Entered as a new subject waiting for a reviewer, not yet public.
    expect(await t.db.select().from(subjects)).toEqual([])
    expect((await t.db.select().from(changeRequests)).map((r) => r.values?.name)).toEqual([
      '盘锦上传物业服务有限公司',
    ])
    const auditor = await addUser(t, 'auditor1', 'auditor', null)
    expect(
      (
        await post(
          t,
          '/api/v1/imports',
          { ...body, dryRun: true },
          await logInAs(t, 'auditor1', auditor.secret)
        )
      ).status
    ).toBe(403)
  })

  it('refuses a file that is not CSV or XLSX with a field error, and bodies over 7 MB with 413', async () => {
    const editor = await addUser(t, 'editor-xl', 'editor', '211103')
    const cookie = await logInAs(t, 'editor-xl', editor.secret)
    const res = await post(
      t,
      '/api/v1/imports',
      { filename: 'a.xls', contentBase64: 'AAAA', dryRun: true },
      cookie
    )
    expect(res.status).toBe(422)
    expect(
      ((await res.json()) as { error: { fields: { field: string }[] } }).error.fields[0]!.field
    ).toBe('file')
    const huge = { filename: 'a.csv', contentBase64: 'A'.repeat(8 * 1024 * 1024), dryRun: true }
    expect((await post(t, '/api/v1/imports', huge, cookie)).status).toBe(413)
  })
})
