import { describe, expect, it } from 'vitest'
import {
  logIn,
  openPage,
  seriousAxeViolations,
  sidewaysOverflow,
  url,
  useBrowser,
  waitForRebuild,
} from '../helpers/e2e.ts'

const ctx = useBrowser()
const pageText = async (path: string) => (await fetch(url(path))).text()

describe('异议申诉 end to end (issue 17)', () => {
  it('a company objects to a fine; the page says 异议处理中; a correction upholds it and the marker goes', async () => {
    // The last fined 兴隆台区 penalty (the correction journey takes the first). Either journey may
    // find its penalty already corrected by the other: files run in whatever order vitest chooses.
    const page = ctx.snap.penaltyPages.findLast(
      (p) =>
        p.state === 'public' && p.penalty.districtCode === '211103' && p.penalty.fineFen !== null
    )
    if (page?.state !== 'public') throw new Error('the fixture has no fined penalty in 兴隆台区')

    // 1. From the penalty's public page, on a phone.
    const visitor = await openPage(ctx.browser, `/penalties/${page.id}/`, { width: 375 })
    const v = visitor.page
    await v.getByRole('link', { name: '提出异议' }).click()
    await v.getByText(page.decisionNo).first().waitFor()
    await v.getByLabel('记录涉及的企业或组织（或其委托的人）').check()
    await v.getByLabel('异议理由').fill('罚款金额与处罚决定书不符，决定书写的是8000元。')
    await v.getByLabel('证明材料（可不填）').setInputFiles({
      name: '处罚决定书.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n'),
    })
    await v.getByLabel('姓名或单位名称').fill('李经理')
    await v.getByLabel('联系电话').fill('13812345678')
    await v.getByLabel('我已阅读上述告知，同意按此处理我的个人信息').check()
    await v.locator('altcha-widget').getByText('我不是机器人', { exact: true }).click()
    await v.getByText('已验证').waitFor({ timeout: 60_000 })
    expect(await v.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375)
    expect(await seriousAxeViolations(v)).toEqual([])
    await v.getByRole('button', { name: '提交异议' }).click()
    await v.getByRole('heading', { name: '异议已提交' }).waitFor()
    const receiptNo = (await v.locator('#receipt-no').textContent())!
    const accessCode = (await v.locator('#access-code').textContent())!
    expect(receiptNo).toMatch(/^YY\d{8}-\d{6}$/)
    await visitor.close()

    // 2. The record's page says 异议处理中 — the date only, nothing about who or why.
    await waitForRebuild('the 异议处理中 marker', async () =>
      (await pageText(`/penalties/${page.id}/`)).includes('异议处理中')
    )
    const marked = await pageText(`/penalties/${page.id}/`)
    expect(marked).not.toContain('李经理')
    expect(marked).not.toContain('决定书写的是')

    // 3. The district accepts, corrects the fine, a reviewer approves the correction.
    const editor = await openPage(ctx.browser, '/admin/')
    await logIn(editor.page, 'editor-ob')
    const e = editor.page
    await e.goto(url('/admin/objections/'))
    await e.getByRole('link', { name: new RegExp(receiptNo) }).click()
    const objectionUrl = e.url()
    await e.getByRole('button', { name: '受理', exact: true }).click()
    await e.locator('#confirmation').getByText('已受理').waitFor()
    await e.getByRole('link', { name: /打开这条记录/ }).click()
    await e.getByRole('link', { name: '更正已公示的内容' }).click()
    // A corrected amount that differs from the published one, whichever penalty was picked.
    await e.getByLabel('罚款金额（元）（可为空）').fill(String(page.penalty.fineFen! / 100 + 111))
    await e
      .getByLabel('更正理由（将在网站公开）')
      .fill('经核查异议，罚款金额录入有误，依决定书更正。')
    await e.getByRole('button', { name: '保存更正草稿' }).click()
    await e.waitForURL(/\/admin\/changes\/view\/\?id=\d+/)
    const changeId = new URL(e.url()).searchParams.get('id')!
    await e.getByRole('button', { name: '提交审核' }).click()
    await e.getByRole('status').filter({ hasText: '待审核' }).waitFor()
    const reviewer = await openPage(ctx.browser, '/admin/')
    await logIn(reviewer.page, 'reviewer-ob')
    await reviewer.page.goto(url(`/admin/changes/view/?id=${changeId}`))
    await reviewer.page.getByRole('button', { name: '审核通过并公示' }).click()
    await reviewer.page.getByRole('status').filter({ hasText: '已生效' }).waitFor()
    await reviewer.close()

    // 4. The objection is upheld with that correction, and closes.
    await e.goto(objectionUrl)
    await e.getByLabel('更正或撤回申请编号').fill(changeId)
    await e.getByRole('button', { name: '认定异议成立并办结' }).click()
    await e.locator('#confirmation').getByText('已认定异议成立并办结').waitFor()
    expect(await seriousAxeViolations(e)).toEqual([])
    await e.setViewportSize({ width: 375, height: 800 })
    expect(await sidewaysOverflow(e), 'objection view at 375 px').toEqual([])
    await editor.close()

    // 5. The public page shows the correction line and no longer the marker; the objector reads it.
    await waitForRebuild('the corrected penalty without its marker', async () => {
      const html = await pageText(`/penalties/${page.id}/`)
      return html.includes('更正前') && !html.includes('异议处理中')
    })
    const track = await openPage(ctx.browser, `/complaints/track/?receipt=${receiptNo}`)
    await track.page.getByLabel('查询码').fill(accessCode)
    await track.page.getByRole('button', { name: '查询' }).click()
    await track.page.getByText('异议成立', { exact: true }).waitFor()
    await track.close()
  })
})
