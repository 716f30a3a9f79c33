import { ApiError } from './api.ts'

/** Codes on which api() already sends the person to another page (sign-in, enrolment, password). */
const NAVIGATING = new Set(['UNAUTHORIZED', 'TOTP_ENROLMENT_REQUIRED', 'PASSWORD_CHANGE_REQUIRED'])

/** What a clerk reads when a page could not load what it shows, and what to do next. */
export function pageFailureText(reason: unknown): string | null {
  if (reason instanceof ApiError) {
    if (NAVIGATING.has(reason.code)) return null
    if (reason.status === 404)
      return `${reason.message}，或不在您的辖区内。请回到工作台或列表，从那里重新打开。`
    if (reason.status === 403) return `${reason.message}。如需办理，请联系系统管理员。`
    if (reason.status === 401) return `${reason.message}。操作没有完成，请重试。`
    return `${reason.message}。请稍后刷新页面重试；如一再出现，请联系系统管理员。`
  }
  return '页面未能读取数据，请检查网络后刷新页面重试；如一再出现，请联系系统管理员。'
}

/**
 * A page script that fails while loading (a record of another district opened from an old link,
 * the server unreachable) would otherwise leave "正在读取…" on screen for good (issue 16: a clerk
 * must never be left guessing). Any failure no script handled is said in words at the top of the
 * page, and the waiting text stops claiming to wait.
 */
export function explainPageFailures(): void {
  const explain = (reason: unknown) => {
    const text = pageFailureText(reason)
    if (text === null) return false
    const alert = document.getElementById('page-failure')!
    alert.textContent = text
    alert.hidden = false
    for (const node of document.querySelectorAll<HTMLElement>('main *')) {
      if (node.childElementCount === 0 && node.textContent?.trim() === '正在读取…')
        node.textContent = '未能读取。'
    }
    return true
  }
  // A page script is a module: a failed top-level await is reported as an error event, a failed
  // promise inside a handler as an unhandled rejection.
  window.addEventListener('error', (event) => {
    if (explain(event.error)) event.preventDefault()
  })
  window.addEventListener('unhandledrejection', (event) => {
    if (explain(event.reason)) event.preventDefault()
  })
}
