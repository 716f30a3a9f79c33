import { api, type Me } from './api.ts'
import type { ChangeTarget } from '../../db/domain/correction.ts'
import { correctionUrl, EDIT_PATH, RESOURCE } from './changes.ts'
import { clearErrors, el, onSubmit } from './forms.ts'
import { askToConfirm } from './confirm-dialog.ts'
import { confirmOnNextPage } from './flash.ts'
import { watchAfterReload } from './live-status.ts'

/** Fill a <dl class="app-summary"> with label/value rows (text only, never HTML). */
export function fillSummary(dl: HTMLElement, rows: [string, string][]) {
  for (const [k, v] of rows) {
    const row = el('div', '', { class: 'app-summary__row' })
    row.append(el('dt', k), el('dd', v))
    dl.append(row)
  }
}

export type Step =
  | 'edit'
  | 'submit'
  | 'recall'
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
  const author = record.createdByName === me.user.username
  const notAuthor = !author
  return {
    // Only the author changes a record before review: a second editor's change would reach a
    // reviewer as nobody's checked work (functions/services/workflow.ts, assertAuthor).
    edit: record.status === 'draft' && editor && author,
    submit: record.status === 'draft' && editor,
    recall: record.status === 'submitted' && editor && author,
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

/**
 * Name the page by what the person is doing here (issue 16, item 2): the author's own draft is
 * not a review page, and a reviewer's queue item is. The layout's h1 holds the kind's name.
 */
export function nameThePage(status: string, steps: Record<Step, boolean>) {
  const h1 = document.querySelector('main h1')!
  const kind = h1.textContent!.trim()
  const title =
    status === 'draft'
      ? steps.edit
        ? `我起草的${kind}（草稿）`
        : `${kind}（草稿）`
      : status === 'submitted'
        ? steps.approve
          ? `审核${kind}`
          : `已提交审核的${kind}`
        : status === 'published'
          ? `已公示的${kind}`
          : status === 'withdrawn'
            ? `已撤回的${kind}`
            : kind
  h1.textContent = title
  document.title = document.title.replace(kind, title)
}

/** What each step says once it has been done (issue 16, item 3). */
const DONE: Record<Step, string> = {
  edit: '',
  submit: '已提交审核。审核员审核通过后即在网站公示；审核前您可以撤回提交。',
  recall: '已撤回提交，记录回到草稿状态，您可以修改后再提交。',
  approve: '已审核通过并公示。',
  reject: '已退回起草人修改，起草人将看到退回理由。',
  withdraw: '已撤回公示，撤回理由将在网站公开。',
  'withdrawal-request': '撤回申请已提交，等待审核员审核。',
  'repair-request': '信用修复申请已提交，等待审核员决定。',
  remove: '已移出名单，移出理由将在网站公开。',
  correct: '',
}

/** Show the `#<step>-form` forms that are allowed and post each to /api/v1/<resource>/<id>/<step>. */
export function wireSteps(
  resource: string,
  id: number,
  steps: Record<Step, boolean>,
  status?: string
) {
  let any = false
  if (status) nameThePage(status, steps)
  const target = (Object.keys(RESOURCE) as ChangeTarget[]).find((t) => RESOURCE[t] === resource)
  const edit = document.getElementById('edit-link')
  const editPath = target && EDIT_PATH[target]
  if (edit && editPath && steps.edit) {
    edit.querySelector('a')!.href = `${editPath}?id=${id}`
    edit.hidden = false
    any = true
  }
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
      // One action at a time: a refused 退回 must not stay on screen behind the approve dialog.
      for (const other of document.querySelectorAll<HTMLFormElement>('form'))
        if (other !== form) clearErrors(other)
      if (step === 'remove' || step === 'withdraw') {
        const what = step === 'remove' ? '移出名单' : '撤回公示'
        const sure = await askToConfirm(
          `确定要${what}吗？`,
          `${what}后，公示网站将不再显示这条记录，您填写的理由将在网站公开。此操作不能撤销。`,
          what
        )
        if (!sure) return
      }
      const result = await api<{ id: number }>(`/${resource}/${id}/${step}`, values)
      confirmOnNextPage(DONE[step])
      if (step === 'approve' || step === 'withdraw' || step === 'remove')
        watchAfterReload(resource, id)
      // A withdrawal request is a change request of its own, reviewed on its page.
      if (step === 'withdrawal-request' || step === 'repair-request')
        location.assign(`/admin/changes/view/?id=${result.id}`)
      else location.reload()
    })
  }
  const none = document.getElementById('no-actions')
  if (none) none.hidden = any
}
