import ExcelJS from 'exceljs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { auditLog, changeRequests, subjects } from '../../db/schema/index.ts'
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

describe('G2 write quotas', () => {
  it('refuses creating past 1,000 actions an hour with 429, and more than 20,000 rows a job', async () => {
    const editor = await addUser(t, 'editor-xl', 'editor', '211103')
    const cookie = await logInAs(t, 'editor-xl', editor.secret)
    // A file over 20,000 rows (well under 5 MB) is refused as a whole, naming the limit.
    const rows = ['统一社会信用代码,主体名称,主体类型,所属县区代码']
    for (let i = 0; i < 20_001; i++)
      rows.push(`${makeUscc(i + 10)},盘锦${i}物业服务有限公司,物业服务企业,211103`)
    const big = Buffer.from(rows.join('\n')).toString('base64')
    const tooMany = await post(
      t,
      '/api/v1/imports',
      { filename: 'a.csv', contentBase64: big, dryRun: true },
      cookie
    )
    expect(tooMany.status).toBe(422)
    expect(JSON.stringify(await tooMany.json())).toContain('20000')

    // 1,000 successful actions in the last hour (as the audit log counts them), then one more.
    const at = new Date(t.clock.now - 60_000).toISOString()
    const base = {
      at,
      actorId: editor.id,
      actorName: 'editor-xl',
      actorRole: 'editor',
      actorDistrict: '211103',
      sourceIp: null,
      objectType: 'subject',
      objectId: null,
      outcome: 'success',
      reason: null,
      requestId: null,
      detail: null,
      prevHash: '',
      hash: '',
    } as const
    for (let i = 0; i < 1_000; i += 200)
      await t.db
        .insert(auditLog)
        .values(Array.from({ length: 200 }, () => ({ ...base, action: 'change.draft' })))
    const body = { filename: '主体.xlsx', contentBase64: await xlsxBase64(table), dryRun: true }
    const refused = await post(t, '/api/v1/imports', body, cookie)
    expect(refused.status).toBe(429)
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe(
      'TOO_MANY_REQUESTS'
    )
    // An hour later the quota is free again.
    t.clock.now += 3_600_000
    const again = await logInAs(t, 'editor-xl', editor.secret)
    expect((await post(t, '/api/v1/imports', body, again)).status).toBe(200)
  })
})
