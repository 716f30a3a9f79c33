import { readFileSync, existsSync } from 'node:fs'
import { describe, expect, inject, it } from 'vitest'
import { createDb } from '../../db/client.ts'
import { withGpsExif } from '../fixtures/gps-photo.ts'
import {
  logIn,
  openPage,
  seriousAxeViolations,
  sidewaysOverflow,
  url,
  useBrowser,
} from '../helpers/e2e.ts'

const ctx = useBrowser()

/** The database file and its write-ahead log, as bytes, the way someone with a copy sees them. */
function rawDatabase(): string {
  const file = inject('databaseUrl').replace(/^file:/, '')
  return [file, `${file}-wal`]
    .filter(existsSync)
    .map((f) => readFileSync(f).toString('latin1'))
    .join('')
}

describe('投诉举报 end to end (issue 17)', () => {
  it('an owner at 375 px files a complaint with a photo; the district answers it; the owner reads the reply', async () => {
    // 1. An owner on a phone: the form, a photo that carries GPS, a phone number, the challenge.
    const owner = await openPage(ctx.browser, '/complaints/new/', { width: 375 })
    const page = owner.page
    const canvasJpeg = await page.evaluate(async () => {
      const canvas = document.createElement('canvas')
      canvas.width = 64
      canvas.height = 48
      const g = canvas.getContext('2d')!
      g.fillStyle = '#c33'
      g.fillRect(0, 0, 64, 48)
      const blob = await new Promise<Blob>((r) => canvas.toBlob((b) => r(b!), 'image/jpeg', 0.9))
      return [...new Uint8Array(await blob.arrayBuffer())]
    })
    const photo = withGpsExif(new Uint8Array(canvasJpeg), 41.1192, 122.0705)
    expect(Buffer.from(photo).toString('latin1')).toContain('Exif')
    await page.getByLabel('问题所在县区').selectOption('211103')
    await page.getByLabel('小区（项目）名称').fill('兴隆家园')
    await page.getByLabel('问题类别').selectOption('property_company.4')
    await page.getByLabel('发生了什么').fill('3号楼电梯停运三天，报修后无人处理，老人上下楼困难。')
    await page.getByLabel('照片（可不填）').setInputFiles({
      name: 'IMG_0001.jpg',
      mimeType: 'image/jpeg',
      buffer: Buffer.from(photo),
    })
    await page.getByLabel('姓名或称呼').fill('王女士')
    await page.getByLabel('联系电话').fill('139 1234 6608')
    // Nothing is sent without consent and a solved challenge: both are named.
    await page.getByRole('button', { name: '提交投诉' }).click()
    await page.locator('#altcha-box-error').getByText('请先完成“我不是机器人”验证').waitFor()
    await page.locator('#consent-error').waitFor()
    await page.getByLabel('我已阅读上述告知，同意按此处理我的个人信息').check()
    // As a person does: a tap on the words beside the box.
    await page.locator('altcha-widget').getByText('我不是机器人', { exact: true }).click()
    await page.getByText('已验证').waitFor({ timeout: 60_000 })
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375)
    expect(await seriousAxeViolations(page)).toEqual([])
    await page.getByRole('button', { name: '提交投诉' }).click()
    await page.getByRole('heading', { name: '投诉已提交' }).waitFor()
    const receiptNo = (await page.locator('#receipt-no').textContent())!
    const accessCode = (await page.locator('#access-code').textContent())!
    expect(receiptNo).toMatch(/^TS\d{8}-\d{6}$/)
    await owner.close()

    // The copy of the database holds neither the phone number nor the photo's GPS block.
    const raw = rawDatabase()
    expect(raw).not.toContain('13912346608')
    expect(raw).not.toContain('王女士')
    const db = createDb({ DATABASE_URL: inject('databaseUrl') })
    const stored = await db.$client.execute(
      `select p.bytes from complaint_photos p join complaints c on c.id = p.complaint_id
        where c.receipt_no = ?`,
      [receiptNo]
    )
    db.$close()
    const bytes = Buffer.from(stored.rows[0]!.bytes as ArrayBuffer).toString('latin1')
    expect(bytes.startsWith('\xff\xd8')).toBe(true)
    expect(bytes).not.toContain('Exif')
    expect(bytes).not.toContain('MM\x00*')

    // 2. A 兴隆台区 editor accepts it and drafts the reply; 大洼区 cannot see it.
    const editor = await openPage(ctx.browser, '/admin/')
    await logIn(editor.page, 'editor-cp')
    await editor.page.goto(url('/admin/complaints/'))
    await editor.page.getByRole('link', { name: new RegExp(receiptNo) }).click()
    await editor.page.getByText('3号楼电梯停运三天').waitFor()
    const id = Number(new URL(editor.page.url()).searchParams.get('id'))
    await editor.page.getByRole('button', { name: '受理', exact: true }).click()
    await editor.page.locator('#confirmation').getByText('已受理').waitFor()
    // 投诉处理 → 整治台账: recorded from the complaint, the two are linked.
    await editor.page.getByRole('link', { name: '记入整治台账' }).click()
    await editor.page.getByText(`根据投诉 ${receiptNo} 记入台账`).waitFor()
    const company = ctx.snap.creditFiles.find(
      (f) => f.subject.kind === 'property_company' && f.subject.districtCode === '211103'
    )!.subject
    await editor.page.getByLabel('责任主体', { exact: true }).fill(company.uscc!)
    await editor.page.getByText(`已选择：${company.name}`).waitFor()
    await editor.page.getByLabel('发现日期').fill('2026-11-27')
    await editor.page.getByLabel('整改责任人（岗位或单位）').fill('项目经理')
    await editor.page.getByLabel('整改措施').fill('修复电梯，建立24小时报修响应制度。')
    await editor.page.getByLabel('整改期限').fill('2026-12-27')
    await editor.page.getByRole('button', { name: '记入台账' }).click()
    await editor.page.locator('#confirmation').getByText('已记入整治台账').waitFor()
    await editor.page.goto(url(`/admin/complaints/view/?id=${id}`))
    await editor.page.getByText('已记入整治台账：').waitFor()
    // The contact is opened on purpose, and that is on the record.
    await editor.page.getByRole('button', { name: '查看联系方式' }).click()
    await editor.page.getByText('13912346608').waitFor()
    const reply = '经查，电梯已于11月28日修复；已责令物业公司建立24小时报修响应制度。'
    await editor.page.getByLabel(/^答复/).fill(reply)
    await editor.page.getByRole('button', { name: '提交答复审核' }).click()
    await editor.page.locator('#confirmation').getByText('答复已提交审核').waitFor()
    expect(await seriousAxeViolations(editor.page)).toEqual([])
    await editor.page.setViewportSize({ width: 375, height: 800 })
    expect(await sidewaysOverflow(editor.page), 'complaint view at 375 px').toEqual([])
    await editor.close()
    const dawa = await openPage(ctx.browser, '/admin/')
    await logIn(dawa.page, 'editor-dw2')
    const status = await dawa.page.evaluate(
      async (cid) => (await fetch(`/api/v1/complaints/${cid}`)).status,
      id
    )
    expect(status).toBe(404)
    await dawa.close()

    // 3. A reviewer approves the reply (four eyes).
    const reviewer = await openPage(ctx.browser, '/admin/')
    await logIn(reviewer.page, 'reviewer-cp')
    await reviewer.page.goto(url(`/admin/complaints/view/?id=${id}`))
    await reviewer.page.getByRole('button', { name: '审核通过答复' }).click()
    await reviewer.page.locator('#confirmation').getByText('答复已审核通过').waitFor()
    await reviewer.close()

    // 4. The owner tracks it and reads the reply.
    const track = await openPage(ctx.browser, `/complaints/track/?receipt=${receiptNo}`, {
      width: 375,
    })
    await track.page.getByLabel('查询码').fill(accessCode.toLowerCase())
    await track.page.getByRole('button', { name: '查询' }).click()
    await track.page.getByText(reply).waitFor()
    await track.page.getByText('办理中').waitFor()
    expect(await track.page.content()).not.toContain('13912346608')
    await track.close()
  })
})
