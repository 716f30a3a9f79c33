import { Hono } from 'hono'
import { DraftPenaltyInput } from '../../db/domain/penalty-input.ts'
import type { AppEnv } from '../context.ts'
import { idempotency } from '../middleware/idempotency.ts'
import { requireAction, requireUser } from '../middleware/require-user.ts'
import { serviceCtx } from '../service-context.ts'
import { draftPenalty, revisePenalty } from '../services/draft-penalty.ts'
import { jsonBody } from '../validate.ts'
import { workflowSteps } from './workflow-steps.ts'

/** 行政处罚: draft, then the shared workflow steps. */
export const penaltiesRoute = new Hono<AppEnv>()
  .use(requireUser(), idempotency)
  .post('/', requireAction('record.draft'), async (c) =>
    c.json(await draftPenalty(serviceCtx(c), await jsonBody(c, DraftPenaltyInput)), 201)
  )
  .route('/', workflowSteps('penalty', { input: DraftPenaltyInput, revise: revisePenalty }))
