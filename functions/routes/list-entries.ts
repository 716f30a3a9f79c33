import { Hono } from 'hono'
import { DraftListEntryInput } from '../../db/domain/credit-list-input.ts'
import { ReasonInput } from '../../db/domain/penalty-input.ts'
import type { AppEnv } from '../context.ts'
import { idempotency } from '../middleware/idempotency.ts'
import { requireAction, requireRecentAuth, requireUser } from '../middleware/require-user.ts'
import { serviceCtx } from '../service-context.ts'
import { draftListEntry, reviseListEntry } from '../services/draft-list-entry.ts'
import { removeListEntry } from '../services/remove-list-entry.ts'
import { jsonBody } from '../validate.ts'
import { idParam, workflowSteps } from './workflow-steps.ts'

/** 红黑名单: draft, the shared workflow steps, and 移出 (early removal with a reason). */
export const listEntriesRoute = new Hono<AppEnv>()
  .use(requireUser(), idempotency)
  .post('/', requireAction('record.draft'), async (c) =>
    c.json(await draftListEntry(serviceCtx(c), await jsonBody(c, DraftListEntryInput)), 201)
  )
  .route('/', workflowSteps('listEntry', { input: DraftListEntryInput, revise: reviseListEntry }))
  .post('/:id/remove', requireAction('record.remove'), requireRecentAuth, async (c) => {
    const { reason } = await jsonBody(c, ReasonInput)
    const result = await removeListEntry(serviceCtx(c), idParam(c.req.param('id')), reason)
    c.var.deps.onPublish?.()
    return c.json(result)
  })
