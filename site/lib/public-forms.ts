import { PHOTO_LIMIT } from '../../db/domain/complaint.ts'
import { ApiError, type FieldError } from '../console/api.ts'
import { clearErrors, showErrors } from '../console/forms.ts'

/**
 * The public's forms (issue 17): sent as multipart so photos and documents travel with the
 * fields; errors shown the console's way (a summary linking to each field, the message beside
 * it); on success the form gives way to the receipt, which takes focus.
 */
export function submitPublicForm(
  form: HTMLFormElement,
  url: string,
  done: (answer: { receiptNo: string; accessCode: string }) => void
) {
  form.addEventListener('submit', async (event) => {
    event.preventDefault()
    const button = form.querySelector<HTMLButtonElement>('button[type=submit]')!
    button.disabled = true
    try {
      clearErrors(form)
      const body = formBody(form)
      const res = await fetch(url, { method: 'POST', body, credentials: 'same-origin' })
      const data = (await res.json().catch(() => ({}))) as {
        receiptNo?: string
        accessCode?: string
        error?: { code: string; message: string; fields?: FieldError[] }
      }
      if (!res.ok) {
        const e = data.error ?? { code: 'INTERNAL', message: '暂时无法提交，请稍后再试' }
        // A refused or spent proof of work is solved again before the next try.
        if (e.code === 'CONFLICT' || e.fields?.some((f) => f.field === 'altcha'))
          form.querySelector<HTMLElement & { reset?: () => void }>('altcha-widget')?.reset?.()
        throw new ApiError(res.status, e.code, e.message, e.fields ?? [])
      }
      form.hidden = true
      done(data as { receiptNo: string; accessCode: string })
      const receipt = document.getElementById('receipt')!
      receipt.hidden = false
      receipt.focus()
    } catch (err) {
      showErrors(form, err)
    } finally {
      button.disabled = false
    }
  })
}

/** The form as the API takes it: empty optional fields left out, the picked subject's id. */
function formBody(form: HTMLFormElement): FormData {
  const body = new FormData()
  const problems: FieldError[] = []
  for (const el of Array.from(form.elements) as HTMLInputElement[]) {
    if (!el.name) continue
    if (el.type === 'file') {
      const files = [...(el.files ?? [])]
      if (files.length > PHOTO_LIMIT.count)
        problems.push({ field: el.name, message: `最多上传${PHOTO_LIMIT.count}个文件` })
      files.forEach((f) => body.append(el.name, f))
      continue
    }
    if (el.type === 'checkbox' || el.type === 'radio') {
      if (el.checked) body.append(el.name, el.value)
      continue
    }
    const value = el.dataset.picked ?? el.value
    if (el.dataset.picker !== undefined && el.value.trim() && el.dataset.picked === undefined) {
      problems.push({
        field: el.name,
        message: `没有找到“${el.value.trim()}”。请在列表中点选，不知道可以清空此项`,
      })
      continue
    }
    if (value === '' && el.dataset.optional !== undefined) continue
    body.append(el.name, value)
  }
  if (problems.length) throw new ApiError(422, 'VALIDATION', '请修改以下问题', problems)
  return body
}

/**
 * 物业服务企业 picked by name among the published companies of the chosen district (the public
 * directory API), so an owner never needs the company's code.
 */
export function wireSubjectPicker(district: HTMLSelectElement, input: HTMLInputElement) {
  const list = document.getElementById(`${input.id}-options`) as HTMLDataListElement
  input.setAttribute('list', list.id)
  input.dataset.picker = 'subject'
  const byLabel = new Map<string, string>()
  district.addEventListener('change', async () => {
    byLabel.clear()
    list.replaceChildren()
    if (!district.value) return
    for (let page = 1; page <= 20; page++) {
      const res = await fetch(
        `/api/v1/public/subjects?district=${district.value}&kind=property_company&limit=100&page=${page}`
      )
      if (!res.ok) break
      const { items, total } = (await res.json()) as {
        items: { id: string; name: string }[]
        total: number
      }
      for (const s of items) {
        const label = `${s.name}（${s.id}）`
        byLabel.set(label, s.id)
        const option = document.createElement('option')
        option.value = label
        list.append(option)
      }
      if (page * 100 >= total) break
    }
  })
  input.addEventListener('input', () => {
    const id = byLabel.get(input.value.trim())
    if (id) input.dataset.picked = id
    else delete input.dataset.picked
  })
}
