import { api } from './api.ts'
import { el } from './forms.ts'

type Build = {
  state: string
  failure: { at: string; notice: string } | null
  object?: { live: boolean } | null
}

/** The audit and outbox name of each API resource's records. */
const OBJECT_TYPE: Record<string, string> = {
  penalties: 'penalty',
  'list-entries': 'list_entry',
  'credit-records': 'credit_record',
  'typical-cases': 'typical_case',
  supervisions: 'supervision',
  changes: 'change_request',
}

const WATCH_KEY = 'console-watch-publication'

/** Set by the action that changes the public site, just before the page reloads. */
export function watchAfterReload(resource: string, id: number) {
  sessionStorage.setItem(WATCH_KEY, `${OBJECT_TYPE[resource]}:${id}`)
}

/**
 * After an approval or withdrawal (issue 16, item 3): say that the public site is being updated,
 * follow the rebuild, and once the change is online say so with the public link — or say that
 * the update failed and what the dashboard shows. Silent for records that never changed the site.
 */
export async function watchPublication(resource: string, id: number, publicUrl?: string) {
  const box = el('p', '', { class: 'app-confirmation', id: 'live-status', role: 'status' })
  box.hidden = true
  document.getElementById('confirmation')!.after(box)
  const object = `${OBJECT_TYPE[resource]}:${id}`
  const justActed = sessionStorage.getItem(WATCH_KEY) === object
  sessionStorage.removeItem(WATCH_KEY)
  const started = Date.now()
  for (;;) {
    const build = await api<Build>(`/site/build?object=${encodeURIComponent(object)}`)
    if (!build.object) return
    if (build.object.live) {
      // Worth saying when this visit saw it happen or the person has just acted, not when a
      // record published last month is opened.
      if (justActed || !box.hidden) showLive(box, publicUrl)
      return
    }
    box.hidden = false
    if (build.state === 'failed' && build.failure) {
      box.className = 'app-error'
      box.textContent = `公示网站更新失败：${build.failure.notice}。已批准的内容已保存，系统会自动重试；如持续失败请联系系统管理员（工作台显示详情）。`
    } else {
      box.textContent = '公示网站正在更新，通常在1分钟内完成。此页面会在上线后告诉您。'
    }
    // A builder that never reports (the cloud runtime's deploy) is not followed for ever.
    if (Date.now() - started > 10 * 60_000) return
    await new Promise((resolve) => setTimeout(resolve, 2000))
  }
}

function showLive(box: HTMLElement, publicUrl?: string) {
  box.className = 'app-confirmation'
  box.textContent = '已在公示网站上线。'
  if (publicUrl) {
    const link = el('a', '在公示网站查看', { href: publicUrl, target: '_blank', rel: 'noopener' })
    box.append(link)
  }
  box.hidden = false
}
