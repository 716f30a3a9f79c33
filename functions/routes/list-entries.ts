import { Hono } from 'hono'
import { z } from 'zod'
import { DraftListEntryInput } from '../../db/domain/credit-list-input.ts'
import { ReasonInput } from '../../db/domain/penalty-input.ts'
import type { AppEnv } from '../context.ts'
import { idempotency } from '../middleware/idempotency.ts'
import { requireAction, requireUser } from '../middleware/require-user.ts'
import { serviceCtx } from '../service-context.ts'
import { draftListEntry } from '../services/draft-list-entry.ts'
import { removeListEntry } from '../services/remove-list-entry.ts'
import { approveRecord, rejectRecord, submitRecord, withdrawRecord } from '../services/workflow.ts'
import { jsonBody, parseOrThrow } from '../validate.ts'

const id = (raw: string) =>
  parseOrThrow(
    z.object({
      id: z.coerce
        .number()
        .int()
        .positive()
        .max(2 ** 31),
    }),
    { id: raw }
  ).id
const NoBody = z.object({}).strict()

/** 红黑名单: list (draft → submit → approve), reject, withdraw a revoked decision, remove early. */
export const listEntriesRoute = new Hono<AppEnv>()
  .use(requireUser(), idempotency)
  .post('/', requireAction('record.draft'), async (c) =>
    c.json(await draftListEntry(serviceCtx(c), await jsonBody(c, DraftListEntryInput)), 201)
  )
  .post('/:id/submit', requireAction('record.submit'), async (c) => {
    await jsonBody(c, NoBody)
    return c.json(await submitRecord(serviceCtx(c), 'listEntry', id(c.req.param('id'))))
  })
  .post('/:id/approve', requireAction('record.approve'), async (c) => {
    await jsonBody(c, NoBody)
    const result = await approveRecord(serviceCtx(c), 'listEntry', id(c.req.param('id')))
    c.var.deps.onPublish?.()
    return c.json(result)
  })
  .post('/:id/reject', requireAction('record.reject'), async (c) => {
    const { reason } = await jsonBody(c, ReasonInput)
    return c.json(await rejectRecord(serviceCtx(c), 'listEntry', id(c.req.param('id')), reason))
  })
  .post('/:id/withdraw', requireAction('record.withdraw'), async (c) => {
    const { reason } = await jsonBody(c, ReasonInput)
    const result = await withdrawRecord(serviceCtx(c), 'listEntry', id(c.req.param('id')), reason)
    c.var.deps.onPublish?.()
    return c.json(result)
  })
  .post('/:id/remove', requireAction('record.remove'), async (c) => {
    const { reason } = await jsonBody(c, ReasonInput)
    const result = await removeListEntry(serviceCtx(c), id(c.req.param('id')), reason)
    c.var.deps.onPublish?.()
    return c.json(result)
  })
