import { api, ApiError, type FieldError } from './api.ts'
import { confirmOnNextPage } from './flash.ts'

/** Read a form's named controls as an object; numbers where the input is type=number. */
export function formValues(form: HTMLFormElement): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const el of Array.from(form.elements) as HTMLInputElement[]) {
    if (!el.name || el.type === 'submit') continue
    // Checkboxes sharing a name are a list of the checked values (empty when none is).
    if (el.type === 'checkbox') {
      const list = (out[el.name] as string[] | undefined) ?? []
      if (el.checked) list.push(el.value)
      out[el.name] = list
      continue
    }
    // A picker (site/console/picker.ts) sends the id of what was picked, not the words shown.
    if (el.dataset.picker !== undefined) {
      const picked = el.dataset.picked
      if (picked === undefined && el.dataset.optional !== undefined) continue
      out[el.name] =
        picked === undefined ? '' : el.dataset.number !== undefined ? Number(picked) : picked
      continue
    }
    if (el.value === '' && el.dataset.optional !== undefined) continue
    out[el.name] = el.type === 'number' && el.value !== '' ? Number(el.value) : el.value
  }
  return out
}

/** Remove messages from an earlier attempt. */
export function clearErrors(form: HTMLFormElement) {
  form.querySelectorAll('.app-error-summary, .app-error').forEach((n) => n.remove())
  form.querySelectorAll('[aria-invalid]').forEach((n) => n.removeAttribute('aria-invalid'))
}

/** The control an error names; a group of checkboxes is named by its fieldset's id. */
function fieldControl(form: HTMLFormElement, field: string): HTMLElement | null {
  // A widget whose own input has no id (the ALTCHA box) names its container instead.
  const box = form.querySelector<HTMLElement>(`[data-error-for="${CSS.escape(field)}"]`)
  if (box) return box
  const named = form.elements.namedItem(field)
  if (named instanceof HTMLElement) return named
  return form.querySelector<HTMLElement>(`fieldset#${CSS.escape(field)}`)
}

/**
 * Show errors the GOV.UK way: a summary at the top that takes focus and links to each field,
 * and the message again next to the field, tied to it with aria-describedby.
 */
export function showErrors(form: HTMLFormElement, err: unknown) {
  clearErrors(form)
  const error =
    err instanceof ApiError ? err : new ApiError(0, 'NETWORK', '网络连接失败，请检查网络后重试')
  const fields: FieldError[] = error.fields.length
    ? inFormOrder(form, error.fields)
    : [{ field: '', message: error.message }]
  const summary = document.createElement('div')
  summary.className = 'app-error-summary'
  summary.setAttribute('role', 'alert')
  summary.tabIndex = -1
  const title = document.createElement('h2')
  title.textContent = '提交未成功，请修改以下问题'
  const list = document.createElement('ul')
  for (const f of fields) {
    const item = document.createElement('li')
    const control = f.field ? fieldControl(form, f.field) : null
    if (control) {
      const link = document.createElement('a')
      link.href = `#${control.id}`
      link.textContent = f.message
      item.append(link)
      // Several messages for one field (each missing document) share one paragraph.
      const existing = document.getElementById(`${control.id}-error`)
      if (existing) existing.textContent += `；${f.message}`
      else {
        const msg = document.createElement('p')
        msg.className = 'app-error'
        msg.id = `${control.id}-error`
        msg.textContent = f.message
        if (control.matches('input, select, textarea, fieldset')) {
          control.setAttribute('aria-invalid', 'true')
          control.setAttribute('aria-describedby', msg.id)
        }
        control.before(msg)
      }
    } else {
      item.textContent = f.message
    }
    list.append(item)
  }
  summary.append(title, list)
  form.prepend(summary)
  summary.focus()
}

/** The server's field errors in the order the fields stand on the page (issue 16, item 8). */
function inFormOrder(form: HTMLFormElement, fields: FieldError[]): FieldError[] {
  const controls = [...form.querySelectorAll<HTMLElement>('[name], fieldset[id]')]
  const position = (f: FieldError) => {
    const control = f.field ? fieldControl(form, f.field) : null
    const i = control ? controls.indexOf(control) : -1
    return i === -1 ? controls.length : i
  }
  return fields
    .map((f, i) => ({ f, i }))
    .sort((a, b) => position(a.f) - position(b.f) || a.i - b.i)
    .map(({ f }) => f)
}

/**
 * Once a person changes a field an error named, that error goes — beside the field and in the
 * summary — so a corrected value never stands next to a stale red message (issue 16, item 7).
 */
function clearFieldErrorOnChange(form: HTMLFormElement) {
  const clear = (event: Event) => {
    const control = (event.target as HTMLElement).closest<HTMLElement>('[aria-invalid], fieldset')
    if (!control?.id) return
    const message = document.getElementById(`${control.id}-error`)
    if (!message) return
    message.remove()
    control.removeAttribute('aria-invalid')
    if (control.getAttribute('aria-describedby') === message.id)
      control.removeAttribute('aria-describedby')
    const summary = form.querySelector('.app-error-summary')
    summary
      ?.querySelectorAll(`a[href="#${CSS.escape(control.id)}"]`)
      .forEach((a) => a.closest('li')?.remove())
    if (summary && !summary.querySelector('li')) summary.remove()
  }
  form.addEventListener('input', clear)
  form.addEventListener('change', clear)
}

/** Wire a form to an async action with error display and a busy state on its button. */
export function onSubmit(
  form: HTMLFormElement,
  action: (values: Record<string, unknown>) => Promise<void>
) {
  clearFieldErrorOnChange(form)
  form.addEventListener('submit', async (event) => {
    event.preventDefault()
    const button = form.querySelector<HTMLButtonElement>('button[type=submit]')
    if (button) button.disabled = true
    try {
      clearErrors(form)
      const unpicked = unpickedPickers(form)
      if (unpicked.length) throw new ApiError(422, 'VALIDATION_FAILED', '请从列表中选择', unpicked)
      await action(formValues(form))
    } catch (err) {
      showErrors(form, err)
    } finally {
      if (button) button.disabled = false
    }
  })
}

/** Pickers with words typed but nothing chosen: the words alone would be sent as nothing. */
function unpickedPickers(form: HTMLFormElement): FieldError[] {
  return [...form.querySelectorAll<HTMLInputElement>('input[data-picker]')]
    .filter((i) => i.value.trim() && i.dataset.picked === undefined)
    .map((i) => ({
      field: i.name,
      message: `没有找到“${i.value.trim()}”。请输入名称或文号中的几个字，再在出现的列表中点选一项。`,
    }))
}

/** A text cell or paragraph, never parsed as HTML (matrix E5). */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  text = '',
  attrs: Record<string, string> = {}
) {
  const node = document.createElement(tag)
  node.textContent = text
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v)
  return node
}

/**
 * Fill a <select> with the authorities the platform knows (处罚机关, 认定机关 …), choosing the
 * person's own bureau — their district's, or the city's for city-level staff.
 */
export async function fillAuthorities(select: HTMLSelectElement) {
  const { authorities, preferred } = await api<{
    authorities: string[]
    preferred: string | null
  }>('/admin/authorities')
  for (const name of authorities) select.append(el('option', name, { value: name }))
  if (preferred) select.value = preferred
}

/**
 * A drafting form that also edits its author's draft (issue 16, item 2). Without `?id=` it
 * creates through POST /<resource>; with `?id=` it loads the record, fills each named control
 * from `fill(record)`, renames the page and its button, and saves through /<resource>/<id>/revise.
 * Either way the next page confirms what was saved.
 */
export async function draftForm<R>(
  form: HTMLFormElement,
  opts: {
    resource: string
    /** The console page that shows a record of this kind. */
    view: string
    /** The label of the record (行政处罚 …), for the edit title and the confirmation. */
    label: string
    /** GET path of one record under /api/v1, and the key its answer uses. */
    load?: {
      path: (id: number) => string
      key: string
      fill: (record: R) => Record<string, unknown>
    }
  }
) {
  const id = Number(new URLSearchParams(location.search).get('id')) || null
  if (id && opts.load) {
    const answer = await api<Record<string, R>>(opts.load.path(id))
    fillForm(form, opts.load.fill(answer[opts.load.key]!))
    const title = `修改${opts.label}草稿`
    document.querySelector('main h1')!.textContent = title
    document.title = title
    form.querySelector('button[type=submit]')!.textContent = '保存修改'
  }
  onSubmit(form, async (values) => {
    const saved = id
      ? await api<{ id: number }>(`/${opts.resource}/${id}/revise`, values)
      : await api<{ id: number }>(`/${opts.resource}`, values)
    confirmOnNextPage(
      id
        ? `修改已保存。${opts.label}仍是草稿，确认无误后请提交审核。`
        : `${opts.label}草稿已保存。确认无误后请提交审核；提交前您可以随时修改。`
    )
    location.assign(`${opts.view}?id=${saved.id}`)
  })
}

/** Put values into a form's named controls and let dependent hints update (change events). */
function fillForm(form: HTMLFormElement, values: Record<string, unknown>) {
  for (const [name, value] of Object.entries(values)) {
    if (value === null || value === undefined) continue
    const control = form.elements.namedItem(name)
    if (!control) continue
    if (control instanceof RadioNodeList) {
      const chosen = (Array.isArray(value) ? value : [value]).map(String)
      for (const box of control as unknown as HTMLInputElement[])
        box.checked = chosen.includes(box.value)
      continue
    }
    const field = control as HTMLInputElement
    if (field.type === 'checkbox') field.checked = Boolean(value)
    else field.value = String(value)
    field.dispatchEvent(new Event('change', { bubbles: true }))
  }
}
