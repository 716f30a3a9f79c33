import { describe, expect, it } from 'vitest'
import { logIn, openPage, url, useBrowser } from '../helpers/e2e.ts'

const ctx = useBrowser()

/**
 * Issue 16, item 6: each role sees only what it can do, a page it cannot use says so in words,
 * and the header names the district, not its code.
 */
describe('the console by role', () => {
  it('shows an editor no user management, audit log or review queue, and says why', async () => {
    const { page, close } = await openPage(ctx.browser, '/admin/')
    await logIn(page, 'editor-roles')
    await page.goto(url('/admin/dashboard/'))
    await page.getByText('editor-roles（录入员 · 兴隆台区）').waitFor()
    const nav = page.getByRole('navigation', { name: '后台导航' })
    await expect(nav.getByRole('link', { name: '新建行政处罚' }).isVisible()).resolves.toBe(true)
    for (const hidden of ['用户管理', '审计日志'])
      await expect(nav.getByRole('link', { name: hidden }).isVisible(), hidden).resolves.toBe(false)
    await expect(page.getByRole('heading', { name: '待我审核' }).isVisible()).resolves.toBe(false)
    await expect(page.getByRole('heading', { name: '被退回的记录' }).isVisible()).resolves.toBe(
      true
    )

    await page.goto(url('/admin/users/'))
    await page
      .getByRole('alert')
      .filter({ hasText: '您的角色是录入员，不能使用“用户管理”' })
      .waitFor()
    await expect(page.getByRole('button', { name: '创建用户' }).isVisible()).resolves.toBe(false)

    // A record of another district, opened from a colleague's link: said in words, not
    // "正在读取…" for ever.
    const elsewhere = ctx.snap.penalties.find((p) => p.districtCode !== '211103')!
    await page.goto(url(`/admin/penalties/view/?id=${elsewhere.id}`))
    await page.getByRole('alert').filter({ hasText: '或不在您的辖区内' }).waitFor()
    await expect(page.getByText('正在读取…').count()).resolves.toBe(0)
    await close()
  })

  it('shows a reviewer the review queue and no drafting menus', async () => {
    const { page, close } = await openPage(ctx.browser, '/admin/')
    await logIn(page, 'reviewer-roles')
    await page.goto(url('/admin/dashboard/'))
    await page.getByText('reviewer-roles（审核员 · 兴隆台区）').waitFor()
    await expect(page.getByRole('heading', { name: '待我审核' }).isVisible()).resolves.toBe(true)
    const nav = page.getByRole('navigation', { name: '后台导航' })
    await expect(nav.getByRole('link', { name: '新建行政处罚' }).isVisible()).resolves.toBe(false)
    await close()
  })

  it('folds the menu into one 菜单 button on a phone', async () => {
    const { page, close } = await openPage(ctx.browser, '/admin/', { width: 375 })
    await logIn(page, 'editor-roles2')
    await page.goto(url('/admin/dashboard/'))
    const nav = page.getByRole('navigation', { name: '后台导航' })
    const menu = nav.getByRole('button', { name: '菜单' })
    await menu.waitFor()
    await expect(nav.getByRole('link', { name: '新建行政处罚' }).isVisible()).resolves.toBe(false)
    // The page's heading is on the first screen, not below six rows of links.
    const top = await page.locator('main h1').evaluate((h) => h.getBoundingClientRect().top)
    expect(top).toBeLessThan(300)
    await menu.click()
    await expect(menu.getAttribute('aria-expanded')).resolves.toBe('true')
    await expect(nav.getByRole('link', { name: '新建行政处罚' }).isVisible()).resolves.toBe(true)
    await close()
  })

  it('用户管理 asks for every choice, generates a password, confirms, and keeps role and district', async () => {
    const { page, close } = await openPage(ctx.browser, '/admin/')
    await logIn(page, 'admin-users')
    await page.goto(url('/admin/users/'))
    await page.getByRole('rowheader', { name: 'editor-xl', exact: true }).waitFor()
    await page.getByRole('button', { name: '创建用户' }).click()
    const summary = page.getByRole('alert').filter({ hasText: '提交未成功' })
    for (const message of ['请填写用户名', '请填写初始密码', '请选择角色', '请选择辖区'])
      await summary.getByText(message).waitFor()
    await page.getByLabel('用户名').fill('clerk-new')
    await page.getByRole('button', { name: '生成初始密码' }).click()
    const generated = await page.getByLabel('初始密码', { exact: true }).inputValue()
    expect(generated).toMatch(/^.{14}$/)
    await page.getByLabel('角色').selectOption('editor')
    await page.getByLabel('辖区').selectOption('211103')
    await page.getByRole('button', { name: '创建用户' }).click()
    await page
      .getByRole('status')
      .filter({ hasText: '已创建用户 clerk-new（录入员 · 兴隆台区）' })
      .waitFor()
    await page.getByRole('rowheader', { name: 'clerk-new', exact: true }).waitFor()
    await expect(page.getByLabel('角色').inputValue()).resolves.toBe('editor')
    await expect(page.getByLabel('辖区').inputValue()).resolves.toBe('211103')
    await expect(page.getByLabel('用户名').inputValue()).resolves.toBe('')
    await close()
  })

  it('a wrong password at sign-in is not blamed on a code nobody was asked for', async () => {
    const { page, close } = await openPage(ctx.browser, '/admin/')
    await page.getByLabel('用户名').fill('nobody-here')
    await page.getByLabel('密码').fill('not-the-password-1')
    await page.getByRole('button', { name: '登录' }).click()
    const alert = page.getByRole('alert').filter({ hasText: '提交未成功' })
    await alert.getByText('用户名或密码不正确').waitFor()
    await expect(alert.textContent()).resolves.not.toContain('动态口令')
    await close()
  })
})
