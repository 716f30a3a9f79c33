import { readFileSync } from 'node:fs'
import type { Page } from 'playwright-core'
import { describe, expect, inject, it } from 'vitest'
import { totpCode } from '../../functions/auth/totp.ts'
import { openPage, url, useBrowser, waitForRebuild } from '../helpers/e2e.ts'

const ctx = useBrowser()
const corpus = JSON.parse(
  readFileSync(new URL('../fixtures/xss-corpus.json', import.meta.url), 'utf8')
) as { markdown: string[]; names: string[] }

/** Sign in through the API (password + TOTP) and return the session cookie. */
async function session(username: string): Promise<string> {
  const account = inject('accounts').find((a) => a.username === username)!
  const res = await fetch(url('/api/v1/auth/login'), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      username,
      password: account.password,
      totp: totpCode(account.secret, Date.now()),
    }),
  })
  expect(res.status).toBe(200)
  return res.headers.get('set-cookie')!.split(';')[0]!
}

async function call(path: string, cookie: string, body: unknown): Promise<{ id?: number }> {
  const res = await fetch(url(path), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Cookie: cookie },
    body: JSON.stringify(body),
  })
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`)
  return (await res.json()) as { id?: number }
}

/**
 * Open a page with trip-wires: alert/confirm/prompt record a call instead of showing a dialog,
 * CSP violations are recorded, and afterwards no element may carry an on* attribute, a
 * javascript: link or an embedding element (script aside, which the build emits itself).
 */
async function tripped(path: string): Promise<string[]> {
  const { page, close } = await openPage(ctx.browser, path)
  try {
    return await inspect(page)
  } finally {
    await close()
  }
}

async function inspect(page: Page): Promise<string[]> {
  await page.addInitScript(() => {
    const w = window as unknown as { __tripped: string[] } & Record<string, unknown>
    w.__tripped = []
    for (const name of ['alert', 'confirm', 'prompt']) {
      w[name] = () => w.__tripped.push(name)
    }
    document.addEventListener('securitypolicyviolation', (e) =>
      w.__tripped.push(
        `csp:${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber} ${e.sample}`
      )
    )
  })
  const dialogs: string[] = []
  page.on('dialog', (d) => {
    dialogs.push(`dialog:${d.message()}`)
    void d.dismiss()
  })
  await page.reload()
  await page.waitForLoadState('networkidle')
  const found = await page.evaluate(() => {
    const out = [...(window as unknown as { __tripped: string[] }).__tripped]
    for (const el of document.querySelectorAll('*')) {
      for (const attr of el.getAttributeNames()) {
        if (attr.toLowerCase().startsWith('on')) out.push(`${el.tagName} ${attr}`)
      }
      const href = el.getAttribute('href') ?? el.getAttribute('src') ?? ''
      if (/^\s*(javascript|vbscript|data):/i.test(href)) out.push(`${el.tagName} ${href}`)
    }
    for (const el of document.querySelectorAll(
      'main iframe, main object, main embed, base, meta[http-equiv]'
    ))
      out.push(`element ${el.tagName}`)
    return out
  })
  return [...found, ...dialogs]
}

describe('E1/E4 hostile text through publish → build → browser', () => {
  it('publishes the XSS corpus and hostile names as inert text on every page that shows them', async () => {
    const target = ctx.snap.casePages.find((p) => p.state === 'public')
    const file = ctx.snap.creditFiles.find((f) => f.subject.kind === 'property_company')
    if (target?.state !== 'public' || !file) throw new Error('the fixture lacks a case or company')
    const caseId = target.typicalCase.id
    const editor = await session('editor-city')
    const reviewer = await session('reviewer-city')
    const markdown = corpus.markdown.join('\n\n')
    const name = `${corpus.names[0]}${corpus.names[1]}物业服务有限公司`.slice(0, 100)

    const caseChange = await call(`/api/v1/typical-cases/${caseId}/correct`, editor, {
      changes: { background: markdown, outcome: corpus.names.join('\n\n') },
      reason: '安全测试：恶意文本应原样显示',
    })
    const nameChange = await call(`/api/v1/subjects/${file.subject.id}/correct`, editor, {
      changes: { name },
      reason: '安全测试：恶意名称应原样显示',
    })
    for (const change of [caseChange, nameChange]) {
      await call(`/api/v1/changes/${change.id}/submit`, editor, {})
      await call(`/api/v1/changes/${change.id}/approve`, reviewer, {})
    }
    await waitForRebuild('hostile text', async () => {
      const credit = await (await fetch(url(`/enterprises/${file.subject.id}/`))).text()
      const story = await (await fetch(url(`/cases/${caseId}/`))).text()
      return credit.includes('&lt;/script&gt;&lt;script&gt;') && story.includes('{{7*7}}')
    })

    const pages = [
      `/cases/${caseId}/`,
      '/cases/',
      `/enterprises/${file.subject.id}/`,
      `/enterprises/${file.subject.id}/report/`,
      `/compare/?ids=${file.subject.id},${ctx.snap.creditFiles[0]!.subject.id}`,
      `/search/?q=${encodeURIComponent('物业服务有限公司')}`,
      `/search/?q=${encodeURIComponent(file.subject.id)}`,
    ]
    for (const path of pages)
      expect({ path, tripped: await tripped(path) }).toEqual({ path, tripped: [] })

    // The names are shown as written (escaped), not dropped and not executed.
    const { page, close } = await openPage(ctx.browser, `/enterprises/${file.subject.id}/`)
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(name)
    await close()
  })
})
