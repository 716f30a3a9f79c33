import { el } from './forms.ts'

/**
 * Asks before an action that cannot be undone (撤回公示, 移出名单, 报送): a modal dialog that says
 * what will happen, with the action's own name on the confirming button. Resolves true only when
 * that button is chosen; Esc and 取消 resolve false.
 */
export function askToConfirm(title: string, consequence: string, action: string) {
  const dialog = el('dialog', '', { class: 'app-dialog', 'aria-labelledby': 'confirm-title' })
  const form = el('form', '', { method: 'dialog', class: 'app-form' })
  const yes = el('button', action, { type: 'submit', value: 'ok' })
  const no = el('button', '取消', {
    type: 'submit',
    value: 'cancel',
    class: 'app-button-secondary',
  })
  form.append(el('h2', title, { id: 'confirm-title' }), el('p', consequence), yes, no)
  dialog.append(form)
  document.body.append(dialog)
  return new Promise<boolean>((resolve) => {
    dialog.addEventListener('close', () => {
      resolve(dialog.returnValue === 'ok')
      dialog.remove()
    })
    dialog.showModal()
    no.focus()
  })
}
