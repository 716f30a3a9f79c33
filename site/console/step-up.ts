/**
 * The console's step-up prompt (matrix B6): a modal dialog asking for the current TOTP code,
 * built from DOM nodes (no HTML strings). Resolves with the code, or null when cancelled.
 * `problem` is shown when an earlier code was refused.
 */
export function askForCode(reason: string, problem?: string): Promise<string | null> {
  const dialog = document.createElement('dialog')
  dialog.className = 'app-dialog'
  dialog.setAttribute('aria-labelledby', 'step-up-title')
  const form = document.createElement('form')
  form.method = 'dialog'
  form.className = 'app-form'
  const title = document.createElement('h2')
  title.id = 'step-up-title'
  title.textContent = '请再次验证身份'
  const why = document.createElement('p')
  why.textContent = `${reason}。请输入手机身份验证器上当前的6位动态口令。`
  const label = document.createElement('label')
  label.htmlFor = 'step-up-code'
  label.textContent = '6位动态口令'
  const input = document.createElement('input')
  Object.assign(input, {
    id: 'step-up-code',
    name: 'totp',
    type: 'text',
    inputMode: 'numeric',
    autocomplete: 'one-time-code',
    maxLength: 6,
    required: true,
  })
  form.append(title, why)
  if (problem) {
    const error = document.createElement('p')
    error.className = 'app-error'
    error.id = 'step-up-error'
    error.textContent = problem
    input.setAttribute('aria-invalid', 'true')
    input.setAttribute('aria-describedby', 'step-up-error')
    form.append(error)
  }
  const confirm = document.createElement('button')
  confirm.type = 'submit'
  confirm.value = 'ok'
  confirm.textContent = '确认'
  const cancel = document.createElement('button')
  cancel.type = 'submit'
  cancel.value = 'cancel'
  cancel.formNoValidate = true
  cancel.className = 'app-button-secondary'
  cancel.textContent = '取消'
  form.append(label, input, confirm, cancel)
  dialog.append(form)
  document.body.append(dialog)
  return new Promise((resolve) => {
    dialog.addEventListener('close', () => {
      const code = dialog.returnValue === 'ok' ? input.value.trim() : null
      dialog.remove()
      resolve(code)
    })
    dialog.showModal()
    input.focus()
  })
}
