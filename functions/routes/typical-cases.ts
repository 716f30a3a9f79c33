import { Hono } from 'hono'
import { DraftTypicalCaseInput } from '../../db/domain/typical-case-input.ts'
import type { AppEnv } from '../context.ts'
import { idempotency } from '../middleware/idempotency.ts'
import { requireAction, requireUser } from '../middleware/require-user.ts'
import { serviceCtx } from '../service-context.ts'
import { draftTypicalCase, reviseTypicalCase } from '../services/draft-typical-case.ts'
import { jsonBody } from '../validate.ts'
import { workflowSteps } from './workflow-steps.ts'

/** 典型案例: draft (Markdown sections), then the shared workflow steps. */
export const typicalCasesRoute = new Hono<AppEnv>()
  .use(requireUser(), idempotency)
  .post('/', requireAction('record.draft'), async (c) =>
    c.json(await draftTypicalCase(serviceCtx(c), await jsonBody(c, DraftTypicalCaseInput)), 201)
  )
  .route(
    '/',
    workflowSteps('typicalCase', { input: DraftTypicalCaseInput, revise: reviseTypicalCase })
  )
