import { describe, expect, inject, it } from 'vitest'
import { createDb } from '../../db/client.ts'
import { totpCode } from '../../functions/auth/totp.ts'
import { logIn, openPage, seriousAxeViolations, url, useBrowser } from '../helpers/e2e.ts'

const ctx = useBrowser()
describe('publishing a penalty', () => {
  it('editor drafts, reviewer approves, the site rebuilds by itself, other districts see 404, audit shows each step', async () => {
    const company = ctx.snap.creditFiles.find(
      (f) => f.subject.kind === 'property_company' && f.subject.districtCode === '211103'
    )!.subject
    const decisionNo = `兴住建罚决〔2026〕${900 + Math.floor(Math.random() * 99)}号`

    // 1. An editor of 兴隆台区 drafts and submits.
    const editor = await openPage(ctx.browser, '/admin/')
    await logIn(editor.page, 'editor-xl')
    await editor.page.getByRole('link', { name: '新建行政处罚' }).click()
    const form = editor.page
    // Issue 16: the form starts on the editor's own bureau, not the city's.
    await expect
      .poll(() => form.getByLabel('处罚机关').inputValue())
      .toBe('盘锦市兴隆台区住房和城乡建设局')
    // A mistyped check digit is named as such, not as "not found".
    await form.getByLabel('当事人统一社会信用代码').fill(`${company.uscc!.slice(0, 17)}0`)
    await form.getByLabel('当事人统一社会信用代码').blur()
    await form.getByText('当事人统一社会信用代码的最后一位（校验位）与前17位不符').waitFor()
    await form.getByLabel('当事人统一社会信用代码').fill(company.uscc!)
    await form.getByLabel('当事人统一社会信用代码').blur()
    await form.getByText(`当事人：${company.name}`).waitFor()
    // Only a property company's violations are offered for a property company.
    const offered = await form
      .locator('#violationType optgroup:not([disabled]) option')
      .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value))
    expect(offered.length).toBeGreaterThan(5)
    expect(offered.every((v) => v.startsWith('property_company.'))).toBe(true)
    expect(await form.locator('#category option[value="detention"]').count()).toBe(0)
    await form.getByLabel('行政处罚决定书文号').fill(decisionNo)
    await form.getByLabel('处罚机关').selectOption('盘锦市兴隆台区住房和城乡建设局')
    await form.getByLabel('处罚决定日期').fill('2026-11-20')
    await form.getByLabel('违法行为类型').selectOption('property_company.8')
    await form.getByLabel('违法事实').fill('经查，该企业以停水方式催缴物业服务费。')
    await form.getByLabel('处罚依据').fill('违反了《盘锦市物业管理条例》第二十三条的规定')
    await form.getByLabel('处罚类别').selectOption('fine')
    await form.getByLabel('处罚内容').fill('罚款人民币8000元，责令限期改正。')
    await form.getByLabel('罚款金额（元，可不填）').fill('8000')
    expect(await seriousAxeViolations(form)).toEqual([])
    // A field error shows next to the field, in Chinese, without losing the input.
    await form.getByLabel('处罚决定日期').fill('2099-01-01')
    await form.getByRole('button', { name: '保存草稿' }).click()
    await expect(form.locator('#decisionDate-error').textContent()).resolves.toBe(
      '处罚决定日期不能晚于今天'
    )
    await form.getByLabel('处罚决定日期').fill('2026-11-20')
    // Issue 16: the corrected field's error goes at once, beside it and in the summary.
    await expect(form.locator('#decisionDate-error').count()).resolves.toBe(0)
    await expect(form.locator('.app-error-summary').count()).resolves.toBe(0)
    await form.getByRole('button', { name: '保存草稿' }).click()
    await form.waitForURL(/\/admin\/penalties\/view\/\?id=\d+/)
    const id = Number(new URL(form.url()).searchParams.get('id'))
    await form.getByText(decisionNo).first().waitFor()
    // Issue 16, items 2 and 3: the page is named for what the author does here, and says the
    // draft was saved; the draft can be edited in the same form, filled with what was saved.
    await form.getByRole('heading', { level: 1, name: '我起草的行政处罚（草稿）' }).waitFor()
    await form.locator('#confirmation').getByText('行政处罚草稿已保存').waitFor()
    await form.getByRole('link', { name: '修改草稿' }).click()
    await form.getByRole('heading', { level: 1, name: '修改行政处罚草稿' }).waitFor()
    await expect.poll(() => form.getByLabel('行政处罚决定书文号').inputValue()).toBe(decisionNo)
    await expect.poll(() => form.getByLabel('违法行为类型').inputValue()).toBe('property_company.8')
    await form.getByText(`当事人：${company.name}`).waitFor()
    await form.getByLabel('处罚内容').fill('罚款人民币8000元，责令限期改正。')
    await form.getByLabel('罚款金额（元，可不填）').fill('8000')
    await form.getByRole('button', { name: '保存修改' }).click()
    await form.locator('#confirmation').getByText('修改已保存').waitFor()
    await form.getByRole('button', { name: '提交审核' }).click()
    await form.locator('#confirmation').getByText('已提交审核').waitFor()
    await form.getByRole('heading', { level: 1, name: '已提交审核的行政处罚' }).waitFor()
    // Recalled before review, it is a draft again, and is submitted once more.
    await form.getByRole('button', { name: '撤回提交' }).click()
    await form.locator('#confirmation').getByText('已撤回提交').waitFor()
    await form.getByRole('status').filter({ hasText: '当前状态：草稿' }).waitFor()
    await form.getByRole('button', { name: '提交审核' }).click()
    await form.getByRole('status').filter({ hasText: '待审核' }).waitFor()
    await editor.close()

    // 2. A reviewer of 兴隆台区 finds it waiting and approves it.
    const reviewer = await openPage(ctx.browser, '/admin/')
    await logIn(reviewer.page, 'reviewer-xl')
    await reviewer.page
      .getByRole('link', { name: `${decisionNo} · ${company.name}` })
      .first()
      .click()
    await reviewer.page.getByText('罚款人民币8000元，责令限期改正。').waitFor()
    await reviewer.page.getByRole('heading', { level: 1, name: '审核行政处罚' }).waitFor()
    // Issue 16: the reviewer sees every row that will be published, 处罚机关 and its USCC among
    // them, in the public page's words and order.
    const reviewRows = await reviewer.page
      .locator('#fields .app-summary__row')
      .evaluateAll((rows) =>
        rows.map(
          (r) => `${r.querySelector('dt')!.textContent}：${r.querySelector('dd')!.textContent}`
        )
      )
    expect(reviewRows).toContain('处罚机关：盘锦市兴隆台区住房和城乡建设局')
    expect(reviewRows.some((r) => /^处罚机关统一社会信用代码：[0-9A-Z]{18}$/.test(r))).toBe(true)
    expect(reviewRows).toContain('公示截止日期：2027年11月19日')
    // B5: the session token lives only in its HttpOnly cookie — not readable by scripts, not in
    // web storage, not in the address bar.
    const [sid] = (await reviewer.page.context().cookies()).filter((c) => c.name === 'sid')
    expect(sid).toMatchObject({ httpOnly: true, sameSite: 'Strict' })
    const visible = await reviewer.page.evaluate(() =>
      [
        document.cookie,
        JSON.stringify(localStorage),
        JSON.stringify(sessionStorage),
        location.href,
      ].join('\n')
    )
    expect(visible).not.toContain(sid!.value)
    // B6: the reviewer signed in more than 5 minutes ago (moved back in the database, as a wait
    // would take too long), so publishing asks for a fresh code first; a wrong one is refused.
    const db = createDb({ DATABASE_URL: inject('databaseUrl') })
    await db.$client.execute(
      `update sessions set verified_at = verified_at - 360000 where user_id =
        (select id from users where username = 'reviewer-xl')`
    )
    db.$close()
    await reviewer.page.getByRole('button', { name: '审核通过并公示' }).click()
    const dialog = reviewer.page.getByRole('dialog', { name: '请再次验证身份' })
    // The dialog names what the code confirms (issue 16).
    await dialog.getByText('您正在“审核通过并公示”').waitFor()
    await dialog.getByLabel('6位动态口令').fill('000000')
    await dialog.getByRole('button', { name: '确认' }).click()
    await dialog.getByText('动态口令不正确').waitFor()
    const account = inject('accounts').find((a) => a.username === 'reviewer-xl')!
    // The next time step's code: the sign-in used this one, and codes are single-use.
    await dialog.getByLabel('6位动态口令').fill(totpCode(account.secret, Date.now() + 30_000))
    await dialog.getByRole('button', { name: '确认' }).click()
    await reviewer.page.getByRole('status').filter({ hasText: '当前状态：已公示' }).waitFor()
    // Issue 16, item 3: the page confirms, follows the rebuild and links the public page.
    await reviewer.page.locator('#confirmation').getByText('已审核通过并公示').waitFor()
    const live = reviewer.page.getByRole('link', { name: '在公示网站查看' })
    await live.waitFor({ timeout: 120_000 })
    expect(await live.getAttribute('href')).toBe(`/penalties/${id}/`)
    await reviewer.close()

    // 3. The site rebuilds by itself: the penalty reaches its page, the list and the credit file.
    const deadline = Date.now() + 120_000
    while ((await fetch(url(`/penalties/${id}/`))).status !== 200) {
      if (Date.now() > deadline) throw new Error('the site did not rebuild within 2 minutes')
      await new Promise((r) => setTimeout(r, 1000))
    }
    // What the reviewer approved is exactly what the public page shows, row for row.
    const publicPage = await openPage(ctx.browser, `/penalties/${id}/`)
    const publicRows = await publicPage.page
      .locator('main .app-summary__row')
      .evaluateAll((rows) =>
        rows.map(
          (r) => `${r.querySelector('dt')!.textContent}：${r.querySelector('dd')!.textContent}`
        )
      )
    await publicPage.close()
    expect(publicRows).toEqual(reviewRows)
    const file = await (await fetch(url(`/enterprises/${company.id}/`))).text()
    expect(file).toContain(decisionNo)
    expect(await (await fetch(url('/penalties/'))).text()).toContain(decisionNo)

    // 4. An editor of 大洼区 cannot see that it exists.
    const dawa = await openPage(ctx.browser, '/admin/')
    await logIn(dawa.page, 'editor-dw')
    const status = await dawa.page.evaluate(
      async (pid) => (await fetch(`/api/v1/admin/penalties/${pid}`)).status,
      id
    )
    expect(status).toBe(404)
    await dawa.close()

    // 5. The audit view shows each step.
    const auditor = await openPage(ctx.browser, '/admin/')
    await logIn(auditor.page, 'auditor1')
    await auditor.page.goto(url(`/admin/audit/?objectType=penalty&objectId=${id}`))
    await auditor.page.locator('#rows tr').first().waitFor()
    const actions = await auditor.page.locator('#rows tr td:nth-child(3)').allTextContents()
    expect(actions.reverse()).toEqual([
      'penalty.draft',
      'penalty.revise',
      'penalty.submit',
      'penalty.recall',
      'penalty.submit',
      'penalty.approve',
    ])
    expect(await seriousAxeViolations(auditor.page)).toEqual([])
    await auditor.close()
  })

  it('editor proposes a black-list entry, reviewer approves, and the public black list shows it', async () => {
    const company = ctx.snap.creditFiles.find(
      (f) =>
        f.subject.kind === 'property_company' &&
        f.subject.districtCode === '211103' &&
        f.listStatus === 'none'
    )!.subject
    const decisionNo = `盘住建黑〔2026〕${800 + Math.floor(Math.random() * 99)}号`
    const editor = await openPage(ctx.browser, '/admin/')
    await logIn(editor.page, 'editor-xl2')
    await editor.page.getByRole('link', { name: '列入红黑名单' }).click()
    const f = editor.page
    await f.getByLabel('名单').selectOption('black')
    await f.getByLabel('主体统一社会信用代码（或平台编号）').fill(company.id)
    await f.getByLabel('列入事由').fill('严重侵害业主合法权益，受到严重失信行政处罚。')
    await f.getByLabel('认定依据').fill('《盘锦市物业行业领域专项整治工作实施方案》四（三）')
    await f.getByLabel('决定文号').fill(decisionNo)
    await f.getByLabel('认定机关').selectOption('盘锦市住房和城乡建设局')
    await f.getByLabel('列入日期').fill('2026-11-20')
    // More than three years: refused next to the field.
    await f.getByLabel('有效期至').fill('2029-12-31')
    await f.getByLabel('激励或惩戒措施').fill('限制承接新的物业服务项目。')
    await f
      .getByLabel('移出条件与途径')
      .fill('满一年后完成整改并作出信用承诺的，可申请信用修复，修复免费。')
    await f.getByRole('button', { name: '保存草稿' }).click()
    await expect(f.locator('#validUntil-error').textContent()).resolves.toBe(
      '黑名单有效期自列入之日起不超过3年'
    )
    await f.getByLabel('有效期至').fill('2029-11-19')
    await f.getByRole('button', { name: '保存草稿' }).click()
    await f.waitForURL(/\/admin\/list-entries\/view\/\?id=\d+/)
    expect(await seriousAxeViolations(f)).toEqual([])
    await f.getByRole('button', { name: '提交审核' }).click()
    await f.getByRole('status').filter({ hasText: '待审核' }).waitFor()
    const entryUrl = f.url()
    await editor.close()

    const reviewer = await openPage(ctx.browser, '/admin/')
    await logIn(reviewer.page, 'reviewer-xl2')
    await reviewer.page.goto(entryUrl)
    await reviewer.page.getByRole('button', { name: '审核通过并公示' }).click()
    await reviewer.page.getByRole('status').filter({ hasText: '当前状态：已公示' }).waitFor()
    // Issue 16, item 3: the page confirms, follows the rebuild and links the public page.
    await reviewer.page.locator('#confirmation').getByText('已审核通过并公示').waitFor()
    const live = reviewer.page.getByRole('link', { name: '在公示网站查看' })
    await live.waitFor({ timeout: 120_000 })
    expect(await live.getAttribute('href')).toBe(`/enterprises/${company.id}/`)
    await reviewer.close()

    const deadline = Date.now() + 120_000
    while (!(await (await fetch(url('/black-list/'))).text()).includes(decisionNo)) {
      if (Date.now() > deadline) throw new Error('the black list did not rebuild within 2 minutes')
      await new Promise((r) => setTimeout(r, 1000))
    }
    expect(await (await fetch(url(`/enterprises/${company.id}/`))).text()).toContain(decisionNo)
  })
})
