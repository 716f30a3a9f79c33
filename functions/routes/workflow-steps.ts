import { Hono } from 'hono'
import { z } from 'zod'
import {
  correctionInput,
  WithdrawalRequestInput,
  type ChangeTarget,
} from '../../db/domain/correction.ts'
import { ReasonInput } from '../../db/domain/penalty-input.ts'
import { RepairRequestInput } from '../../db/domain/repair.ts'
import type { WorkflowKind } from '../../db/mutations/workflow.ts'
import type { AppEnv } from '../context.ts'
import { requireAction, requireRecentAuth } from '../middleware/require-user.ts'
import { serviceCtx } from '../service-context.ts'
import { draftCorrection, requestRepair, requestWithdrawal } from '../services/draft-change.ts'
import type { ServiceContext } from '../context.ts'
import {
  approveRecord,
  recallRecord,
  rejectRecord,
  submitRecord,
  withdrawRecord,
} from '../services/workflow.ts'
import { jsonBody, parseOrThrow } from '../validate.ts'

const Id = z.object({
  id: z.coerce
    .number()
    .int()
    .positive()
    .max(2 ** 31),
})
const NoBody = z.object({}).strict()
export const idParam = (raw: string) => parseOrThrow(Id, { id: raw }).id

/** 修改草稿: the kind's draft input, checked again by the kind's service. */
export type Revision<T> = {
  input: z.ZodType<T>
  revise: (ctx: ServiceContext, id: number, input: T) => Promise<unknown>
}

/**
 * The workflow steps every kind of record shares, mounted under its resource:
 * POST /:id/submit, /:id/recall, /:id/approve, /:id/reject {reason}, /:id/withdraw {reason},
 * and /:id/revise {the draft input} where the kind's drafts can be edited.
 * Approve and withdraw change the public site, so they call onPublish (the rebuild trigger).
 */
export function workflowSteps<T>(kind: WorkflowKind, revision?: Revision<T>) {
  const steps = new Hono<AppEnv>()
    .post('/:id/submit', requireAction('record.submit'), async (c) => {
      await jsonBody(c, NoBody)
      return c.json(await submitRecord(serviceCtx(c), kind, idParam(c.req.param('id'))))
    })
    .post('/:id/recall', requireAction('record.submit'), async (c) => {
      await jsonBody(c, NoBody)
      return c.json(await recallRecord(serviceCtx(c), kind, idParam(c.req.param('id'))))
    })
    .post('/:id/approve', requireAction('record.approve'), requireRecentAuth, async (c) => {
      await jsonBody(c, NoBody)
      const result = await approveRecord(serviceCtx(c), kind, idParam(c.req.param('id')))
      c.var.deps.onPublish?.()
      return c.json(result)
    })
    .post('/:id/reject', requireAction('record.reject'), async (c) => {
      const { reason } = await jsonBody(c, ReasonInput)
      return c.json(await rejectRecord(serviceCtx(c), kind, idParam(c.req.param('id')), reason))
    })
    .post('/:id/withdraw', requireAction('record.withdraw'), requireRecentAuth, async (c) => {
      const { reason } = await jsonBody(c, ReasonInput)
      const result = await withdrawRecord(serviceCtx(c), kind, idParam(c.req.param('id')), reason)
      c.var.deps.onPublish?.()
      return c.json(result)
    })
  if (revision) {
    steps.post('/:id/revise', requireAction('record.draft'), async (c) => {
      const input = await jsonBody(c, revision.input)
      return c.json(await revision.revise(serviceCtx(c), idParam(c.req.param('id')), input))
    })
  }
  // 更正 of a published record: a change request, approved like any publication.
  if (kind !== 'change') {
    steps.route('/', correctionRoute(kind))
    // 撤回申请: the decision was changed or revoked on a date; a reviewer approves the withdrawal.
    steps.post('/:id/withdrawal-request', requireAction('record.draft'), async (c) => {
      const input = await jsonBody(c, WithdrawalRequestInput)
      const id = String(idParam(c.req.param('id')))
      return c.json(await requestWithdrawal(serviceCtx(c), kind, id, input), 201)
    })
  }
  // 信用修复: penalties and bad records, after the minimum period, with the materials received.
  if (kind === 'penalty' || kind === 'creditRecord') {
    steps.post('/:id/repair-request', requireAction('record.draft'), async (c) => {
      const input = await jsonBody(c, RepairRequestInput)
      const id = String(idParam(c.req.param('id')))
      return c.json(await requestRepair(serviceCtx(c), kind, id, input), 201)
    })
  }
  return steps
}

/** POST /:id/correct {changes, reason} → 201 the change request (draft). */
export function correctionRoute(target: ChangeTarget) {
  const Input = correctionInput(target)
  return new Hono<AppEnv>().post('/:id/correct', requireAction('record.draft'), async (c) => {
    const input = await jsonBody(c, Input)
    const raw = c.req.param('id')
    const id = target === 'subject' ? raw.trim().toUpperCase() : String(idParam(raw))
    return c.json(await draftCorrection(serviceCtx(c), target, id, input), 201)
  })
}
