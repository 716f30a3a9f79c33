import { Hono } from 'hono'
import { z } from 'zod'
import {
  OpenSupervisionInput,
  SupervisionResultInput,
} from '../../db/domain/listed-supervision-input.ts'
import type { AppEnv } from '../context.ts'
import { idempotency } from '../middleware/idempotency.ts'
import { requireAction, requireUser } from '../middleware/require-user.ts'
import { serviceCtx } from '../service-context.ts'
import {
  closeOutSupervision,
  openSupervision,
  recordSupervisionResult,
  reviseSupervision,
} from '../services/supervision.ts'
import { jsonBody } from '../validate.ts'
import { idParam, workflowSteps } from './workflow-steps.ts'

/** 挂牌督办: open (draft), the shared workflow steps, then 查处结果 and 销号. */
export const supervisionsRoute = new Hono<AppEnv>()
  .use(requireUser(), idempotency)
  .post('/', requireAction('record.draft'), async (c) =>
    c.json(await openSupervision(serviceCtx(c), await jsonBody(c, OpenSupervisionInput)), 201)
  )
  .route(
    '/',
    workflowSteps('supervision', { input: OpenSupervisionInput, revise: reviseSupervision })
  )
  .post('/:id/result', requireAction('record.draft'), async (c) => {
    const { result } = await jsonBody(c, SupervisionResultInput)
    const done = await recordSupervisionResult(serviceCtx(c), idParam(c.req.param('id')), result)
    c.var.deps.onPublish?.()
    return c.json(done)
  })
  .post('/:id/close-out', requireAction('record.approve'), async (c) => {
    await jsonBody(c, z.object({}).strict())
    const done = await closeOutSupervision(serviceCtx(c), idParam(c.req.param('id')))
    c.var.deps.onPublish?.()
    return c.json(done)
  })
