import { ForbiddenError, PreconditionFailedError } from '../../db/domain/errors.ts'
import { PENALTY_TRANSITIONS } from '../../db/domain/penalty-input.ts'
import { publicationStatusLabel } from '../../db/domain/labels.ts'

type Step = keyof typeof PENALTY_TRANSITIONS

/** The workflow allows this step from the record's current status (matrix C3: no skipping). */
export function assertTransition(row: { status: keyof typeof publicationStatusLabel }, step: Step) {
  if (row.status !== PENALTY_TRANSITIONS[step].from) {
    throw new PreconditionFailedError(
      `当前状态为“${publicationStatusLabel[row.status]}”，不能执行此操作`
    )
  }
}

/** 四眼原则: the author of a record never reviews it (matrix C3). */
export function assertNotAuthor(row: { createdBy: number | null }, actorId: number) {
  if (row.createdBy === actorId) throw new ForbiddenError('不能审核自己起草的记录')
}
