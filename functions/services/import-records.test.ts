import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { authorities, changeRequests, penalties, subjects } from '../../db/schema/index.ts'
import { listAudit } from '../../db/queries/audit.ts'
import { insertSubject, makeUscc } from '../../tests/fixtures/builders.ts'
import { addUser, createTestApp, type TestApp } from '../../tests/helpers/test-app.ts'
import { importRecords } from './import-records.ts'

let t: TestApp
let asEditor: Parameters<typeof importRecords>[0]
beforeEach(async () => {
  t = await createTestApp()
  const { id } = await addUser(t, 'editor-xl', 'editor', '211103')
  asEditor = {
    ...t.ctx(),
    actor: { id, username: 'editor-xl', role: 'editor', district: '211103' },
  }
  await t.db
    .insert(authorities)
    .values({ name: '盘锦市兴隆台区住房和城乡建设局', districtCode: '211103' })
})
afterEach(() => t.cleanup())

const SUBJECT_HEADERS = [
  '统一社会信用代码',
  '主体名称',
  '主体类型',
  '所属县区代码',
  '法定代表人',
  '住所',
  '成立日期',
]
const subjectRow = (n: number, over: Partial<Record<string, string>> = {}) => {
  const row: Record<string, string> = {
    统一社会信用代码: makeUscc(n),
    主体名称: `盘锦导入${n}物业服务有限公司`,
    主体类型: '物业服务企业',
    所属县区代码: '211103',
    法定代表人: '王伟',
    住所: '盘锦市兴隆台区石油大街1号',
    成立日期: '2015-03-01',
    ...over,
  }
  return SUBJECT_HEADERS.map((h) => row[h]!)
}
const PENALTY_HEADERS = [
  '行政相对人代码_1(统一社会信用代码)',
  '行政处罚决定书文号',
  '处罚机关',
  '处罚决定日期',
  '违法行为类型',
  '违法事实',
  '处罚依据',
  '处罚类别',
  '处罚内容',
  '罚款金额（万元）',
  '失信程度',
]
const penaltyRow = (n: number, over: Partial<Record<string, string>> = {}) => {
  const row: Record<string, string> = {
    '行政相对人代码_1(统一社会信用代码)': makeUscc(n),
    行政处罚决定书文号: `兴住建罚决〔2026〕${n}号`,
    处罚机关: '盘锦市兴隆台区住房和城乡建设局',
    处罚决定日期: '2026-11-01',
    违法行为类型: '将一个物业管理区域的全部物业管理业务整体转让给他人',
    违法事实: '经查，该企业将项目整体转让。',
    处罚依据: '违反了《物业管理条例》的规定',
    处罚类别: '罚款',
    处罚内容: '罚款人民币2万元。',
    '罚款金额（万元）': '2',
    失信程度: '一般',
    ...over,
  }
  return PENALTY_HEADERS.map((h) => row[h]!)
}
const count = async (table: typeof subjects | typeof penalties | typeof changeRequests) =>
  (await t.db.select().from(table)).length

describe('K8 bulk import', () => {
  it('dry-runs without writing, then submits 450 new subjects for review in three chunks, and a rerun changes nothing', async () => {
    const table = [SUBJECT_HEADERS, ...Array.from({ length: 450 }, (_, i) => subjectRow(i + 1))]
    const dry = await importRecords(asEditor, table, { dryRun: true })
    expect(dry).toMatchObject({
      kind: 'subjects',
      rows: 450,
      created: 450,
      errors: [],
      dryRun: true,
    })
    expect(await count(changeRequests)).toBe(0)
    expect(await importRecords(asEditor, table, { dryRun: false })).toMatchObject({
      created: 450,
      updated: 0,
    })
    // Basic information reaches the public site only after a second person approves it.
    expect(await count(subjects)).toBe(0)
    const requests = await t.db.select().from(changeRequests)
    expect(new Set(requests.map((r) => `${r.action}/${r.status}`))).toEqual(
      new Set(['create/submitted'])
    )
    expect(await importRecords(asEditor, table, { dryRun: false })).toMatchObject({
      created: 0,
      updated: 0,
      unchanged: 450,
    })
    expect(await count(changeRequests)).toBe(450)
    expect(
      (await listAudit(t.db, { actor: 'editor-xl' }, 10_000)).filter(
        (r) => r.action === 'subject.draft_submit'
      )
    ).toHaveLength(450)
  }, 30_000)

  it('turns a changed row of a published subject into a correction of just the changed fields', async () => {
    await insertSubject(t.db, {
      uscc: makeUscc(1),
      name: '盘锦导入1物业服务有限公司',
      establishedOn: '2015-03-01',
    })
    const table = [SUBJECT_HEADERS, subjectRow(1, { 主体名称: '盘锦新名物业服务有限公司' })]
    expect(await importRecords(asEditor, table, { dryRun: false })).toMatchObject({ updated: 1 })
    const [request] = await t.db.select().from(changeRequests)
    expect(request).toMatchObject({ action: 'correct', status: 'submitted' })
    expect(request!.changes!.map((c) => [c.field, c.fromText, c.toText])).toEqual([
      ['name', '盘锦导入1物业服务有限公司', '盘锦新名物业服务有限公司'],
    ])
    expect(await importRecords(asEditor, table, { dryRun: false })).toMatchObject({ unchanged: 1 })
  })

  it('reports every bad row with its spreadsheet row number and field, and writes nothing at all', async () => {
    const table = [
      SUBJECT_HEADERS,
      ...Array.from({ length: 300 }, (_, i) => subjectRow(i + 1)),
      subjectRow(301, { 统一社会信用代码: '91350100M000100Y44' }),
      subjectRow(302, { 所属县区代码: '211104' }),
    ]
    const report = await importRecords(asEditor, table, { dryRun: false })
    expect(report.errors).toEqual([
      expect.objectContaining({ row: 302, field: 'uscc' }),
      expect.objectContaining({ row: 303, field: 'districtCode', message: '该县区不在您的辖区内' }),
    ])
    expect(await count(changeRequests)).toBe(0)
  })

  it('imports 双公示 penalty rows as drafts, converting 万元 and labels, once', async () => {
    for (const n of [1, 2]) await insertSubject(t.db, { uscc: makeUscc(n) })
    const table = [PENALTY_HEADERS, penaltyRow(1), penaltyRow(2)]
    expect(await importRecords(asEditor, table, { dryRun: false })).toMatchObject({
      kind: 'penalties',
      created: 2,
    })
    const rows = await t.db.select().from(penalties)
    expect(rows.map((r) => [r.status, r.fineFen, r.categories, r.violationType])).toEqual([
      ['draft', 2_000_000, ['fine'], 'property_company.11'],
      ['draft', 2_000_000, ['fine'], 'property_company.11'],
    ])
    expect(await importRecords(asEditor, table, { dryRun: false })).toMatchObject({
      created: 0,
      unchanged: 2,
    })
    const bad = await importRecords(
      asEditor,
      [PENALTY_HEADERS, penaltyRow(3, { '罚款金额（万元）': '两万', 处罚决定日期: '2026/11/01' })],
      { dryRun: true }
    )
    expect(bad.errors.map((e) => e.field).sort()).toEqual(['decisionDate', 'fineYuan'])
  })

  it('refuses unknown columns and auditors', async () => {
    await expect(importRecords(asEditor, [['企业名称'], ['x']], { dryRun: true })).rejects.toThrow()
    const auditor = { ...asEditor, actor: { ...asEditor.actor!, role: 'auditor' as const } }
    await expect(
      importRecords(auditor, [SUBJECT_HEADERS, subjectRow(1)], { dryRun: true })
    ).rejects.toThrow(/录入员/)
  })
})
