import { Hono } from 'hono'
import { DraftCreditRecordInput } from '../../db/domain/credit-record-input.ts'
import type { AppEnv } from '../context.ts'
import { idempotency } from '../middleware/idempotency.ts'
import { requireAction, requireUser } from '../middleware/require-user.ts'
import { serviceCtx } from '../service-context.ts'
import { draftCreditRecord, reviseCreditRecord } from '../services/draft-credit-record.ts'
import { jsonBody } from '../validate.ts'
import { workflowSteps } from './workflow-steps.ts'

/** 良好/不良信用记录: draft, then the shared workflow steps. */
export const creditRecordsRoute = new Hono<AppEnv>()
  .use(requireUser(), idempotency)
  .post('/', requireAction('record.draft'), async (c) =>
    c.json(await draftCreditRecord(serviceCtx(c), await jsonBody(c, DraftCreditRecordInput)), 201)
  )
  .route(
    '/',
    workflowSteps('creditRecord', { input: DraftCreditRecordInput, revise: reviseCreditRecord })
  )
