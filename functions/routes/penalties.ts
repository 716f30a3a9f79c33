import { Hono } from 'hono'
import { z } from 'zod'
import { DraftPenaltyInput, ReasonInput } from '../../db/domain/penalty-input.ts'
import type { AppEnv } from '../context.ts'
import { idempotency } from '../middleware/idempotency.ts'
import { requireAction, requireUser } from '../middleware/require-user.ts'
import { serviceCtx } from '../service-context.ts'
import { draftPenalty } from '../services/draft-penalty.ts'
import { approveRecord, rejectRecord, submitRecord, withdrawRecord } from '../services/workflow.ts'
import { jsonBody, parseOrThrow } from '../validate.ts'

const Id = z.coerce
  .number()
  .int()
  .positive()
  .max(2 ** 31)
const id = (raw: string) => parseOrThrow(z.object({ id: Id }), { id: raw }).id
const NoBody = z.object({}).strict()

/** 行政处罚 workflow writes: draft → submit → approve (publish) / reject → withdraw. */
export const penaltiesRoute = new Hono<AppEnv>()
  .use(requireUser(), idempotency)
  .post('/', requireAction('record.draft'), async (c) =>
    c.json(await draftPenalty(serviceCtx(c), await jsonBody(c, DraftPenaltyInput)), 201)
  )
  .post('/:id/submit', requireAction('record.submit'), async (c) => {
    await jsonBody(c, NoBody)
    return c.json(await submitRecord(serviceCtx(c), 'penalty', id(c.req.param('id'))))
  })
  .post('/:id/approve', requireAction('record.approve'), async (c) => {
    await jsonBody(c, NoBody)
    const result = await approveRecord(serviceCtx(c), 'penalty', id(c.req.param('id')))
    c.var.deps.onPublish?.()
    return c.json(result)
  })
  .post('/:id/reject', requireAction('record.reject'), async (c) => {
    const { reason } = await jsonBody(c, ReasonInput)
    return c.json(await rejectRecord(serviceCtx(c), 'penalty', id(c.req.param('id')), reason))
  })
  .post('/:id/withdraw', requireAction('record.withdraw'), async (c) => {
    const { reason } = await jsonBody(c, ReasonInput)
    const result = await withdrawRecord(serviceCtx(c), 'penalty', id(c.req.param('id')), reason)
    c.var.deps.onPublish?.()
    return c.json(result)
  })
