import type { ChangeTarget } from '../../db/domain/correction.ts'

/** Where each kind of record lives in the API and in the console. */
export const RESOURCE: Record<ChangeTarget, string> = {
  subject: 'subjects',
  penalty: 'penalties',
  listEntry: 'list-entries',
  creditRecord: 'credit-records',
  typicalCase: 'typical-cases',
  supervision: 'supervisions',
}

export const VIEW_PATH: Record<ChangeTarget, string | null> = {
  subject: null,
  penalty: '/admin/penalties/view/',
  listEntry: '/admin/list-entries/view/',
  creditRecord: '/admin/records/view/',
  typicalCase: '/admin/cases/view/',
  supervision: '/admin/supervisions/view/',
}

export const correctionUrl = (target: ChangeTarget, id: string | number) =>
  `/admin/corrections/new/?target=${target}&id=${encodeURIComponent(String(id))}`

/** The form that drafts each kind; with `?id=` it edits its author's draft (issue 16, item 2). */
export const EDIT_PATH: Partial<Record<ChangeTarget, string>> = {
  penalty: '/admin/penalties/new/',
  listEntry: '/admin/list-entries/new/',
  creditRecord: '/admin/records/new/',
  typicalCase: '/admin/cases/new/',
  supervision: '/admin/supervisions/new/',
}
