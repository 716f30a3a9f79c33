import { api, type Me } from './api.ts'
import type { ChangeTarget } from '../../db/domain/correction.ts'
import { correctionUrl, RESOURCE } from './changes.ts'
import { el, onSubmit } from './forms.ts'

/** Fill a <dl class="app-summary"> with label/value rows (text only, never HTML). */
export function fillSummary(dl: HTMLElement, rows: [string, string][]) {
  for (const [k, v] of rows) {
    const row = el('div', '', { class: 'app-summary__row' })
    row.append(el('dt', k), el('dd', v))
    dl.append(row)
  }
}

export type Step =
  | 'submit'
  | 'approve'
  | 'reject'
  | 'withdraw'
  | 'withdrawal-request'
  | 'repair-request'
  | 'remove'
  | 'correct'

/**
 * Which workflow actions the person may take on a record in this state. The server decides in
 * the end (db/domain/policy.ts and the services); this only avoids offering buttons that would fail.
 */
export function allowedSteps(
  me: Me,
  record: { status: string; createdByName: string | null },
  extra: Partial<Record<Step, boolean>> = {}
) {
  const reviewer = me.user.role === 'reviewer' || me.user.role === 'admin'
  const editor = me.user.role === 'editor' || me.user.role === 'admin'
  const notAuthor = record.createdByName !== me.user.username
  return {
    submit: record.status === 'draft' && editor,
    approve: record.status === 'submitted' && reviewer && notAuthor,
    reject: record.status === 'submitted' && reviewer && notAuthor,
    withdraw: record.status === 'published' && reviewer,
    remove: false,
    correct: record.status === 'published' && editor,
    'withdrawal-request': record.status === 'published' && editor,
    'repair-request': record.status === 'published' && editor,
    ...extra,
  } satisfies Record<Step, boolean>
}

/** Show the `#<step>-form` forms that are allowed and post each to /api/v1/<resource>/<id>/<step>. */
export function wireSteps(resource: string, id: number, steps: Record<Step, boolean>) {
  let any = false
  const target = (Object.keys(RESOURCE) as ChangeTarget[]).find((t) => RESOURCE[t] === resource)
  const correct = document.getElementById('correct-link')
  if (correct && target && steps.correct) {
    correct.querySelector('a')!.href = correctionUrl(target, id)
    correct.hidden = false
    any = true
  }
  for (const [step, allowed] of Object.entries(steps) as [Step, boolean][]) {
    const form = document.getElementById(`${step}-form`) as HTMLFormElement | null
    if (!form) continue
    form.hidden = !allowed
    if (!allowed) continue
    any = true
    onSubmit(form, async (values) => {
      const result = await api<{ id: number }>(`/${resource}/${id}/${step}`, values)
      // A withdrawal request is a change request of its own, reviewed on its page.
      if (step === 'withdrawal-request' || step === 'repair-request')
        location.assign(`/admin/changes/view/?id=${result.id}`)
      else location.reload()
    })
  }
  const none = document.getElementById('no-actions')
  if (none) none.hidden = any
}
