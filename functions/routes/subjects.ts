import { Hono } from 'hono'
import { ImportSubjectRow } from '../../db/domain/import-columns.ts'
import type { AppEnv } from '../context.ts'
import { idempotency } from '../middleware/idempotency.ts'
import { requireAction, requireUser } from '../middleware/require-user.ts'
import { serviceCtx } from '../service-context.ts'
import { draftSubject } from '../services/draft-change.ts'
import { jsonBody } from '../validate.ts'
import { correctionRoute, workflowSteps } from './workflow-steps.ts'

/**
 * 主体基本信息: POST / drafts a new subject, POST /:id/correct a correction of a published one;
 * both are change requests, reviewed under /api/v1/changes.
 */
export const subjectsRoute = new Hono<AppEnv>()
  .use(requireUser(), idempotency)
  .post('/', requireAction('record.draft'), async (c) =>
    c.json(await draftSubject(serviceCtx(c), await jsonBody(c, ImportSubjectRow)), 201)
  )
  .route('/', correctionRoute('subject'))

/** 变更申请 (new subjects and corrections): submit, approve (applies it), reject. */
export const changesRoute = new Hono<AppEnv>()
  .use(requireUser(), idempotency)
  .route('/', workflowSteps('change'))
