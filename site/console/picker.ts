import { api } from './api.ts'
import { el } from './forms.ts'

type Option = { value: string; label: string }

/**
 * Search-as-you-type (issue 16, item 5): the clerk types part of a name, 文号 or code and picks
 * from the list; the form sends the picked record's id, never asks for it. Built on a native
 * <datalist> so keyboards, screen readers and phones get the browser's own suggestion list.
 *
 * The input carries `data-picker="<kind>"` (GET /api/v1/admin/lookup?kind=); `kind` may be
 * changed later (the ledger's 转办 target), and `hint` says what is chosen.
 */
export function wirePicker(input: HTMLInputElement, hint: HTMLElement) {
  const list = el('datalist', '', { id: `${input.id}-options` })
  input.after(list)
  input.setAttribute('list', list.id)
  input.autocomplete = 'off'
  const prompt = hint.textContent ?? ''
  const known = new Map<string, string>()
  let timer: ReturnType<typeof setTimeout> | undefined
  let asked = 0

  const pick = (option: Option) => {
    input.dataset.picked = option.value
    input.value = option.label
    hint.textContent = `已选择：${option.label}`
  }
  const search = async (text: string) => {
    const mine = ++asked
    const { options } = await api<{ options: Option[] }>(
      `/admin/lookup?kind=${input.dataset.picker}&q=${encodeURIComponent(text)}`
    )
    if (mine !== asked) return // a later keystroke's answer wins
    list.replaceChildren(...options.map((o) => el('option', '', { value: o.label })))
    for (const o of options) known.set(o.label, o.value)
    // A number or code typed in full (or filled in when a draft is edited) picks its record.
    const exact = options.find((o) => o.value === text.toUpperCase())
    if (exact) return pick(exact)
    hint.textContent = options.length
      ? `找到${options.length}项，请在列表中点选。`
      : '没有找到。请换个关键词，或核对是否属于您的辖区。'
  }
  const onChange = () => {
    const text = input.value.trim()
    const value = known.get(text)
    if (value !== undefined) return pick({ value, label: text })
    delete input.dataset.picked
    clearTimeout(timer)
    if (!text) {
      hint.textContent = prompt
      return
    }
    timer = setTimeout(() => void search(text).catch(() => undefined), 200)
  }
  input.addEventListener('input', onChange)
  input.addEventListener('change', onChange)
  // Words typed before this script ran (a slow connection, a quick hand) are searched now: their
  // input events came before anyone listened, and the field would otherwise wait for another key.
  if (input.value.trim()) onChange()
  /** A new kind (the ledger's 转办方式) means a new search. */
  return {
    setKind(kind: string) {
      input.dataset.picker = kind
      input.value = ''
      known.clear()
      list.replaceChildren()
      onChange()
    },
  }
}
