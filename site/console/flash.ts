/**
 * Confirmations (issue 16, item 3): every action says what it did. An action that moves to
 * another page leaves its message for that page, which shows it once at the top; an action that
 * stays shows it at once. The box is a status region, so screen readers announce it too.
 */
const KEY = 'console-confirmation'

/** Show `message` on the next console page this tab opens. */
export function confirmOnNextPage(message: string) {
  sessionStorage.setItem(KEY, message)
}

/** Show `message` now, in the confirmation box under the page title. */
export function confirmNow(message: string) {
  const box = document.getElementById('confirmation')
  if (!box) return
  box.textContent = message
  box.hidden = false
  box.focus()
}

/** Called by the console layout on every page: the message an earlier page left, if any. */
export function showPendingConfirmation() {
  const message = sessionStorage.getItem(KEY)
  if (!message) return
  sessionStorage.removeItem(KEY)
  confirmNow(message)
}
