import { Hono } from 'hono'
import { z } from 'zod'
import type { AppEnv } from '../context.ts'
import { requireAction, requireUser } from '../middleware/require-user.ts'
import { serviceCtx } from '../service-context.ts'
import {
  applicationOfChange,
  readApplicationContact,
  readApplicationDocument,
} from '../services/repair-applications.ts'
import { uploadedFile } from './uploaded-file.ts'
import { parseOrThrow } from '../validate.ts'
import { idParam } from './workflow-steps.ts'

/**
 * The online application behind a repair change request (issue 17): its receipt, the materials
 * (downloads audited) and the applicant's contact (opened on purpose, audited). District-scoped.
 */
export const repairApplicationsRoute = new Hono<AppEnv>()
  .use(requireUser(), requireAction('record.read'))
  .get('/by-change/:id', async (c) =>
    c.json({ application: await applicationOfChange(serviceCtx(c), idParam(c.req.param('id'))) })
  )
  .get('/:id/contact', async (c) => {
    c.header('Cache-Control', 'no-store')
    return c.json({
      contact: await readApplicationContact(serviceCtx(c), idParam(c.req.param('id'))),
    })
  })
  .get('/:id/documents/:documentId', async (c) => {
    const doc = await readApplicationDocument(
      serviceCtx(c),
      idParam(c.req.param('id')),
      parseOrThrow(z.coerce.number().int().positive(), c.req.param('documentId'))
    )
    return uploadedFile(c, doc, `repair-${doc.material}-${doc.id}`)
  })
