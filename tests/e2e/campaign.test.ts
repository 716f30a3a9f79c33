import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parse } from 'csv-parse/sync'
import type { Page } from 'playwright-core'
import { afterAll, describe, expect, inject, it } from 'vitest'
import { monthOf } from '../../db/domain/campaign.ts'
import { todayInShanghai } from '../../db/domain/dates.ts'
import {
  logIn,
  openPage,
  seriousAxeViolations,
  url,
  useBrowser,
  waitForRebuild,
} from '../helpers/e2e.ts'

const ctx = useBrowser()
const dir = mkdtempSync(join(tmpdir(), 'campaign-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** The 兴隆台区 row of the public campaign table: [found, rectified, closed out, …]. */
async function publicRow(): Promise<number[]> {
  const html = await (await fetch(url('/campaign/'))).text()
  const row = html.match(/<th scope="row">兴隆台区<\/th>(.*?)<\/tr>/s)![1]!
  return [...row.matchAll(/<td>([\d,]+)<\/td>/g)].map((m) => Number(m[1]!.replace(/,/g, '')))
}

/** A file the console downloads, fetched with the page's own session. */
async function fetchAs(page: Page, path: string): Promise<Buffer> {
  const res = await page.request.get(url(path))
  expect(res.status(), path).toBe(200)
  return Buffer.from(await res.body())
}

function sheetsInLibreOffice(file: string): Record<string, string[][]> {
  const out = join(dir, 'csv')
  execFileSync(
    'soffice',
    [
      '--headless',
      `-env:UserInstallation=file://${dir}/profile`,
      '--convert-to',
      // Every sheet, UTF-8: LibreOffice writes one CSV per sheet, named after it.
      'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1',
      '--outdir',
      out,
      file,
    ],
    { stdio: 'ignore', timeout: 120_000 }
  )
  const base = file
    .split('/')
    .pop()!
    .replace(/\.xlsx$/, '')
  const sheets: Record<string, string[][]> = {}
  for (const name of execFileSync('ls', [out]).toString().trim().split('\n'))
    if (name.startsWith(`${base}-`))
      sheets[name.slice(base.length + 1, -4)] = parse(readFileSync(join(out, name), 'utf8'), {
        relax_column_count: true,
      }) as string[][]
  return sheets
}

describe('the rectification campaign', () => {
  it('a district records an item, rectifies it, a reviewer closes it out, the district reports, and /campaign/ shows it', async () => {
    const company = ctx.snap.creditFiles.find(
      (f) => f.subject.kind === 'property_company' && f.subject.districtCode === '211103'
    )!.subject
    const foundOn = inject('buildDate') // the public page is built for this date
    const before = await publicRow()

    // 1. A district editor records the problem and, later, its rectification.
    const editor = await openPage(ctx.browser, '/admin/')
    await logIn(editor.page, 'editor-xl4')
    const page = editor.page
    await page
      .getByRole('navigation', { name: '后台导航' })
      .getByRole('link', { name: '整治台账' })
      .click()
    await page.getByRole('link', { name: '记入新问题' }).click()
    // Issue 16: the subject is picked; a USCC typed in full picks its company.
    await page.getByLabel('责任主体', { exact: true }).fill(company.uscc!)
    await page.getByText(`已选择：${company.name}（${company.uscc}）`).waitFor()
    await page.getByLabel('问题来源').selectOption('complaint')
    await page.getByLabel('问题类型').selectOption('property_company.4')
    await page.getByLabel('发现日期').fill(foundOn)
    await page.getByLabel('问题描述').fill('业主反映电梯故障报修后三天无人处理。')
    await page.getByLabel('整改责任人（岗位或单位）').fill('项目经理')
    await page.getByLabel('整改措施').fill('当日修复电梯，建立报修24小时响应制度。')
    // A deadline before the find is refused next to the field, in Chinese.
    await page.getByLabel('整改期限').fill('2020-01-01')
    await page.getByRole('button', { name: '记入台账' }).click()
    await expect(page.locator('#deadline-error').textContent()).resolves.toBe(
      '整改期限不能早于发现日期'
    )
    await page.getByLabel('整改期限').fill('2026-12-31')
    await page.getByRole('button', { name: '记入台账' }).click()
    await page.waitForURL(/\/admin\/ledger\/view\/\?id=\d+/)
    const id = Number(new URL(page.url()).searchParams.get('id'))
    await page.getByRole('status').filter({ hasText: '待整改' }).waitFor()
    expect(await seriousAxeViolations(page)).toEqual([])
    await page.getByRole('button', { name: '开始整改' }).click()
    await page.getByRole('status').filter({ hasText: '整改中' }).waitFor()
    await page
      .getByLabel('整改情况及佐证材料')
      .fill('电梯已修复并经检验合格，附维修记录和业主确认单。')
    await page.getByRole('button', { name: '整改完成，提交销号' }).click()
    await page.getByRole('status').filter({ hasText: '已整改待销号' }).waitFor()
    // The person who rectified it cannot close it out: no such button for an editor.
    expect(await page.getByRole('button', { name: '销号' }).count()).toBe(0)

    // 2. A reviewer of the district closes it out.
    const reviewer = await openPage(ctx.browser, `/admin/ledger/view/?id=${id}`)
    await logIn(reviewer.page, 'reviewer-xl4')
    await reviewer.page.goto(url(`/admin/ledger/view/?id=${id}`))
    await reviewer.page.getByRole('button', { name: '销号' }).click()
    await reviewer.page.getByRole('status').filter({ hasText: '当前状态：已销号' }).waitFor()
    // The ledger export opens in LibreOffice with its Chinese title and headers, and this item.
    writeFileSync(
      join(dir, 'ledger.xlsx'),
      await fetchAs(reviewer.page, '/api/v1/campaign/ledger/export.xlsx')
    )
    const ledger = sheetsInLibreOffice(join(dir, 'ledger.xlsx'))
    expect(Object.keys(ledger)).toEqual(['问题台账'])
    expect(ledger['问题台账']![0]![0]).toMatch(/^专项整治问题台账（截至/)
    expect(ledger['问题台账']![1]!.slice(0, 6)).toEqual([
      '序号',
      '县区',
      '责任主体',
      '物业项目',
      '问题来源',
      '问题类型',
    ])
    const row = ledger['问题台账']!.find((r) => r[7] === '业主反映电梯故障报修后三天无人处理。')!
    expect(row).toEqual(expect.arrayContaining(['兴隆台区', company.name, '投诉处理', '已销号']))
    await reviewer.close()

    // 3. The district submits its monthly return: the pre-filled counts are the ledger's.
    const month = monthOf(todayInShanghai())
    const { items } = (await (await page.request.get(url('/api/v1/campaign/ledger'))).json()) as {
      items: { foundOn: string; rectifiedOn: string | null; closedOutOn: string | null }[]
    }
    const inMonth = (d: string | null) => d !== null && d.startsWith(month)
    await page.goto(url(`/admin/returns/?month=${month}`))
    // The form is filled by the page's script once the figures arrive.
    await page.getByRole('status').filter({ hasText: '统计表应于' }).waitFor()
    const value = (label: string) => page.getByLabel(label).inputValue().then(Number)
    expect(await value('排查发现问题（个）')).toBe(items.filter((i) => inMonth(i.foundOn)).length)
    expect(await value('已完成整改（个）')).toBe(items.filter((i) => inMonth(i.rectifiedOn)).length)
    expect(await value('已销号（个）')).toBe(items.filter((i) => inMonth(i.closedOutOn)).length)
    expect(await value('已销号（个）')).toBeGreaterThan(0)
    await page
      .getByLabel('阶段性工作成果')
      .fill('本月检查住宅小区12个，发现问题逐一记入台账，已销号的均经复查。')
    await page.getByRole('button', { name: '报送', exact: true }).click()
    // Issue 16: 报送 cannot be undone, so it is confirmed first, and confirmed after.
    await page.getByRole('dialog').getByRole('button', { name: '确认报送' }).click()
    await page.locator('#confirmation').getByText('的统计表已报送').waitFor()
    await page.getByRole('status').filter({ hasText: '已于' }).waitFor()
    expect(await seriousAxeViolations(page)).toEqual([])
    await editor.close()

    // The city sees who has reported and exports all districts in one workbook.
    const city = await openPage(ctx.browser, '/admin/')
    await logIn(city.page, 'reviewer-city2')
    writeFileSync(
      join(dir, 'returns.xlsx'),
      await fetchAs(city.page, `/api/v1/campaign/returns/${month}/export.xlsx`)
    )
    await city.close()
    const returns = sheetsInLibreOffice(join(dir, 'returns.xlsx'))
    expect(Object.keys(returns).sort()).toEqual(['汇总', '阶段性工作成果'].sort())
    expect(returns['汇总']![1]!.slice(0, 3)).toEqual(['县区', '报送状态', '排查发现问题（个）'])
    const xlt = returns['汇总']!.find((r) => r[0] === '兴隆台区')!
    expect(xlt[1]).toMatch(/报送/)
    expect(returns['汇总']!.at(-1)![0]).toBe('合计（已报送）')
    expect(returns['阶段性工作成果']!.find((r) => r[0] === '兴隆台区')![2]).toContain(
      '本月检查住宅小区12个'
    )

    // 4. After the rebuild, the public campaign page counts the new item.
    await waitForRebuild('campaign figures', async () => (await publicRow())[0] === before[0]! + 1)
    const { page: pub, close } = await openPage(ctx.browser, '/campaign/')
    await pub.getByRole('img', { name: '各县区问题整改情况' }).waitFor()
    expect(await pub.locator('[aria-current="step"] h3').textContent()).toMatch(/监督问责/)
    expect(await seriousAxeViolations(pub)).toEqual([])
    await close()
  })
})
