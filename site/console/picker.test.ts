// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest'
import { wirePicker } from './picker.ts'

afterEach(() => {
  vi.unstubAllGlobals()
  document.body.replaceChildren()
})

const option = {
  value: '912111038PCWBGEN11',
  label: '盘锦博晟物业管理有限公司（912111038PCWBGEN11）',
}

function field(value: string) {
  document.body.innerHTML = `<p id="hint">输入企业名称或统一社会信用代码中的几个字，在列表中点选。</p>
    <input id="subjectId" name="subjectId" data-picker="subject">`
  const input = document.getElementById('subjectId') as HTMLInputElement
  input.value = value
  return { input, hint: document.getElementById('hint')! }
}

describe('the console picker', () => {
  it('searches what was typed before the script ran, and picks a code typed in full', async () => {
    const fetch = vi.fn(async (_url: string) => Response.json({ options: [option] }))
    vi.stubGlobal('fetch', fetch)
    const { input, hint } = field('912111038pcwbgen11')
    wirePicker(input, hint)
    await vi.waitFor(() => expect(hint.textContent).toBe(`已选择：${option.label}`))
    expect(fetch.mock.calls[0]![0]).toBe('/api/v1/admin/lookup?kind=subject&q=912111038pcwbgen11')
    expect(input.dataset.picked).toBe(option.value)
  })

  it('asks nothing for an empty field', async () => {
    const fetch = vi.fn()
    vi.stubGlobal('fetch', fetch)
    const { input, hint } = field('')
    wirePicker(input, hint)
    await new Promise((r) => setTimeout(r, 300))
    expect(fetch).not.toHaveBeenCalled()
    expect(hint.textContent).toContain('在列表中点选')
  })
})
