import * as OpenCC from 'opencc-js'
import { describe, expect, it } from 'vitest'
import { findViolationType } from '../../db/domain/violation-type.ts'
import { openPage, useBrowser } from '../helpers/e2e.ts'

const ctx = useBrowser()

/** Results on /search/ once the status line has settled. */
async function searchResults(path: string) {
  const { page, close } = await openPage(ctx.browser, path)
  await page
    .getByRole('status')
    .filter({ hasText: /找到|没有找到/ })
    .waitFor()
  const titles = await page.locator('#search-results li > a').allTextContents()
  const status = await page.getByRole('status').textContent()
  await close()
  return { titles, status }
}

function penalisedCompany() {
  const file = ctx.snap.creditFiles.find(
    (f) => f.subject.kind === 'property_company' && f.penalties.length > 0
  )
  if (!file) throw new Error('fixture has no penalised company')
  return file
}

describe('a visitor finds a company', () => {
  it('by a 4-character fragment of its name typed into the home page search box', async () => {
    const { subject } = penalisedCompany()
    const fragment = subject.name.slice(2, 6)
    const { page, close } = await openPage(ctx.browser, '/')
    await page.getByRole('searchbox', { name: '企业名称或统一社会信用代码' }).fill(fragment)
    await page.getByRole('button', { name: '查询' }).click()
    await page.getByRole('status').filter({ hasText: /找到/ }).waitFor()
    await expect(page.getByRole('link', { name: subject.name }).count()).resolves.toBeGreaterThan(0)
    await close()
  })

  it('by its full name, ranked first', async () => {
    const { subject } = penalisedCompany()
    const { titles } = await searchResults(`/search/?q=${encodeURIComponent(subject.name)}`)
    expect(titles[0]).toBe(subject.name)
  })

  it('by its name typed in traditional characters (盤錦…物業), ranked first', async () => {
    const { subject } = penalisedCompany()
    const traditional = OpenCC.Converter({ from: 'cn', to: 'tw' })(subject.name)
    expect(traditional).not.toBe(subject.name)
    const { titles } = await searchResults(`/search/?q=${encodeURIComponent(traditional)}`)
    expect(titles[0]).toBe(subject.name)
  })

  it('by its USCC, ranked first, even typed in full-width characters', async () => {
    const { subject } = penalisedCompany()
    const fullWidth = [...subject.uscc!]
      .map((c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0))
      .join('')
    for (const q of [subject.uscc!, fullWidth]) {
      const { titles } = await searchResults(`/search/?q=${encodeURIComponent(q)}`)
      expect(titles[0], q).toBe(subject.name)
    }
  })

  it('finds a penalty by its 决定书文号 typed with ordinary brackets', async () => {
    const penalty = ctx.snap.penalties[0]!
    const typed = penalty.decisionNo.replace('〔', '[').replace('〕', ']')
    const { titles } = await searchResults(`/search/?q=${encodeURIComponent(typed)}`)
    expect(titles[0]).toBe(`${penalty.decisionNo}（${penalty.partyName}）`)
  })

  it('gets no results for a query that appears nowhere', async () => {
    const { titles, status } = await searchResults(`/search/?q=${encodeURIComponent('魑魅魍魉')}`)
    expect(titles).toEqual([])
    expect(status).toContain('没有找到')
  })

  it('lists nothing for nonsense that shares only a common word with hundreds of records', async () => {
    for (const query of ['甲乙丙丁戊委员会', '子丑寅卯物业管理', '玄黄洪荒物业服务有限公司']) {
      const { titles, status } = await searchResults(`/search/?q=${encodeURIComponent(query)}`)
      expect(titles, query).toEqual([])
      // Says so plainly, and what to try instead.
      expect(status, query).toMatch(/没有找到.*检查错别字.*少输入几个字/)
    }
  })

  it('filters results by list status and district', async () => {
    const black = ctx.snap.subjects.filter((s) => s.listStatus === 'black')
    expect(black.length).toBeGreaterThan(0)
    const { titles } = await searchResults(
      `/search/?q=${encodeURIComponent('物业')}&list=${encodeURIComponent('黑名单')}`
    )
    expect(titles.length).toBeGreaterThan(0)
    for (const t of titles) expect(black.map((s) => s.name)).toContain(t)

    const district = ctx.snap.districts[1]!
    const inDistrict = ctx.snap.subjects
      .filter((s) => s.districtCode === district.code)
      .map((s) => s.name)
    const byDistrict = await searchResults(
      `/search/?q=${encodeURIComponent('物业')}&district=${encodeURIComponent(district.name)}`
    )
    expect(byDistrict.titles.length).toBeGreaterThan(0)
    // Subjects, and penalties and cases (full-text results) of that district only.
    const recordsInDistrict = [
      ...ctx.snap.penalties
        .filter((p) => p.districtCode === district.code)
        .map((p) => `行政处罚 ${p.decisionNo}（${p.partyName}）`),
      ...ctx.snap.cases
        .filter((c) => c.districtCode === district.code)
        .map((c) => `典型案例 ${c.title}`),
    ]
    for (const t of byDistrict.titles) expect([...inDistrict, ...recordsInDistrict]).toContain(t)
  })

  it('finds penalties of several districts by the words of their facts', async () => {
    const byType = new Map<string, typeof ctx.snap.penalties>()
    for (const p of ctx.snap.penalties) {
      const title = findViolationType(p.violationType)?.title
      if (title) byType.set(title, [...(byType.get(title) ?? []), p])
    }
    const [title, penalties] = [...byType].find(
      ([, ps]) => ps.length <= 20 && new Set(ps.map((p) => p.districtCode)).size > 1
    )!
    const { titles } = await searchResults(`/search/?q=${encodeURIComponent(title)}`)
    const found = penalties.filter((p) =>
      titles.includes(`行政处罚 ${p.decisionNo}（${p.partyName}）`)
    )
    expect(new Set(found.map((p) => p.districtCode)).size).toBeGreaterThan(1)
  })

  it('finds the penalties of a district by its name and a word', async () => {
    // Issue 18 tried one Pagefind index per district: inside its own index a district's name is
    // in every record and scores nothing, so this search found nothing. One index, ranked as one.
    const district = ctx.snap.districts.find((d) =>
      ctx.snap.penalties.some((p) => p.districtCode === d.code)
    )!
    const { titles } = await searchResults(
      `/search/?q=${encodeURIComponent(`${district.name} 罚款`)}`
    )
    const inDistrict = ctx.snap.penalties
      .filter((p) => p.districtCode === district.code)
      .map((p) => `行政处罚 ${p.decisionNo}（${p.partyName}）`)
    expect(titles.filter((t) => inDistrict.includes(t)).length).toBeGreaterThan(0)
  })

  it('opens the credit file and sees its penalties, newest first', async () => {
    const file = penalisedCompany()
    const { titles } = await searchResults(`/search/?q=${encodeURIComponent(file.subject.uscc!)}`)
    expect(titles[0]).toBe(file.subject.name)
    const { page, close } = await openPage(ctx.browser, `/enterprises/${file.subject.id}/`)
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
      file.subject.name
    )
    const section = page.getByRole('heading', { name: /^行政处罚/ })
    await expect(section.textContent()).resolves.toBe(`行政处罚（${file.penalties.length}）`)
    for (const p of file.penalties)
      await expect(page.getByRole('link', { name: p.decisionNo }).count()).resolves.toBeGreaterThan(
        0
      )
    await page.getByRole('link', { name: file.penalties[0]!.decisionNo }).first().click()
    // Counted once the penalty page has loaded, not while the click is still navigating.
    await page.waitForURL(/\/penalties\/\d+\/$/)
    await expect(page.getByText('行政处罚决定书文号').count()).resolves.toBe(1)
    await close()
  })
})
