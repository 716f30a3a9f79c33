import { describe, expect, it } from 'vitest'
import { logIn, openPage, seriousAxeViolations, url, useBrowser } from '../helpers/e2e.ts'

/**
 * Issue 16, "getting stuck" and "saying the wrong thing": a clerk who lost a phone is reset by
 * an admin through the console; a clerk picks a project by name, never by number; every form
 * error names its field in the wording guide's words (db/domain/wording.ts).
 */
const ctx = useBrowser()

describe('the console as a clerk’s daily tool', () => {
  it('an admin resets a clerk’s password and authenticator; the clerk must re-enrol', async () => {
    const admin = await openPage(ctx.browser, '/admin/')
    await logIn(admin.page, 'admin-reset')
    await admin.page.goto(url('/admin/users/'))
    const form = admin.page.locator('#reset-form')
    // One's own account is not offered: another admin, or the recovery command, resets it.
    await form.locator('option[value="editor-lost"]').waitFor({ state: 'attached' })
    expect(await form.locator('option[value="admin-reset"]').count()).toBe(0)
    // Nothing chosen: both omissions are named.
    await form.getByRole('button', { name: '重置' }).click()
    await form.getByText('请选择要重置的用户').first().waitFor()
    await form.getByText('请选择重置内容：密码、动态口令，或两者').first().waitFor()
    await form.getByLabel('用户').selectOption('editor-lost')
    await form.getByLabel('重置密码（系统生成新的初始密码）').check()
    await form.getByLabel('解除动态口令绑定（手机丢失或更换）').check()
    await form.getByRole('button', { name: '重置' }).click()
    const dialog = admin.page.getByRole('dialog', {
      name: '确定重置 editor-lost 的密码和动态口令绑定吗？',
    })
    await dialog.getByRole('button', { name: '确认重置' }).click()
    const done = admin.page.locator('#reset-done')
    await done.getByText('新的初始密码：').waitFor()
    const password = /新的初始密码：(\S+?)（/.exec((await done.textContent())!)![1]!
    expect(await seriousAxeViolations(admin.page)).toEqual([])
    await admin.close()

    // The clerk signs in with the new password and is sent to bind a new authenticator.
    const clerk = await openPage(ctx.browser, '/admin/')
    await clerk.page.getByLabel('用户名').fill('editor-lost')
    await clerk.page.getByLabel('密码').fill(password)
    await clerk.page.getByRole('button', { name: '登录' }).click()
    await clerk.page.waitForURL(/\/admin\/enrol\//)
    await clerk.close()
  })

  it('a clerk records a ledger item by picking the project by name, and every error names its field', async () => {
    const project = ctx.snap.creditFiles
      .filter((f) => f.subject.districtCode === '211103')
      .flatMap((f) => f.projects)[0]!
    const clerk = await openPage(ctx.browser, '/admin/')
    await logIn(clerk.page, 'editor-xl5')
    await clerk.page.goto(url('/admin/ledger/new/'))
    const form = clerk.page.locator('#ledger-form')
    // Words that match nothing are not sent as nothing: the field says what to do.
    await form.getByLabel('物业项目').fill('没有这个小区')
    await form.getByRole('button', { name: '记入台账' }).click()
    await form
      .locator('#projectId-error')
      .getByText('没有找到“没有这个小区”。请输入名称或文号中的几个字，再在出现的列表中点选一项。')
      .waitFor()
    // Part of the name offers the project; choosing it shows what was chosen.
    await form.getByLabel('物业项目').fill(project.name.slice(0, 2))
    const label = form.locator('#projectId-options option').first()
    await label.waitFor({ state: 'attached' })
    const chosen = (await form
      .locator('#projectId-options option')
      .evaluateAll(
        (os, name) => os.map((o) => (o as HTMLOptionElement).value).find((v) => v.startsWith(name)),
        project.name
      ))!
    await form.getByLabel('物业项目').fill(chosen)
    await form.getByText(`已选择：${chosen}`).waitFor()
    // An empty submit asks for each field by name, in the order of the form.
    await form.getByRole('button', { name: '记入台账' }).click()
    await form.locator('.app-error-summary').waitFor()
    const summary = await form.locator('.app-error-summary li').allTextContents()
    expect(summary).toEqual([
      '请选择问题来源',
      '请选择问题类型',
      '请填写发现日期',
      '请填写问题描述',
      '请填写整改责任人',
      '请填写整改措施',
      '请填写整改期限',
    ])
    // A date reads back in 年月日 whatever the browser's language.
    await form.getByLabel('发现日期').fill('2026-11-20')
    await form.getByText('即2026年11月20日').waitFor()
    await form.getByLabel('问题来源').selectOption({ label: '现场巡查' })
    await form.getByLabel('问题类型').selectOption('property_company.8')
    await form.getByLabel('问题描述').fill('以停水方式催缴物业费。')
    await form.getByLabel('整改责任人（岗位或单位）').fill('项目经理')
    await form.getByLabel('整改措施').fill('立即恢复供水，书面致歉。')
    await form.getByLabel('整改期限').fill('2026-12-20')
    await form.getByRole('button', { name: '记入台账' }).click()
    await clerk.page.waitForURL(/\/admin\/ledger\/view\/\?id=\d+/)
    await clerk.page.locator('#confirmation').getByText('已记入整治台账').waitFor()
    await clerk.page.getByText(project.name).first().waitFor()

    // The penalty form: a wrong check digit is called that; personal data is quoted, masked.
    await clerk.page.goto(url('/admin/penalties/new/'))
    const penalty = clerk.page.locator('#penalty-form')
    await penalty.getByRole('button', { name: '保存草稿' }).click()
    await penalty.locator('.app-error-summary').waitFor()
    const first = await penalty.locator('.app-error-summary li').allTextContents()
    expect(first.slice(0, 3)).toEqual([
      '请填写当事人统一社会信用代码',
      '请填写行政处罚决定书文号',
      '请填写处罚决定日期',
    ])
    expect(first).toContain('请选择违法行为类型')
    const company = ctx.snap.creditFiles.find(
      (f) => f.subject.kind === 'property_company' && f.subject.districtCode === '211103'
    )!.subject
    await penalty.getByLabel('当事人统一社会信用代码').fill(company.uscc!)
    await penalty.getByLabel('违法事实').fill('业主反映，联系电话13912346608，该企业停水催费。')
    await penalty.getByRole('button', { name: '保存草稿' }).click()
    await penalty
      .locator('#facts-error')
      .getByText('违法事实中的“139****6608”疑似手机号码，依法不得公示，请删除或改写')
      .waitFor()
    await clerk.close()
  })
})
