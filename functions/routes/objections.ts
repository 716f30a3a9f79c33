import { Hono } from 'hono'
import { z } from 'zod'
import { ReasonInput } from '../../db/domain/penalty-input.ts'
import { text } from '../../db/domain/public-text.ts'
import type { AppEnv } from '../context.ts'
import { requireAction, requireRecentAuth, requireUser } from '../middleware/require-user.ts'
import { serviceCtx } from '../service-context.ts'
import {
  acceptObjection,
  approveObjectionReply,
  draftObjectionReply,
  getObjection,
  listObjections,
  readObjectionContact,
  readObjectionDocument,
  refuseObjection,
  upholdObjection,
} from '../services/objections.ts'
import { jsonBody, parseOrThrow } from '../validate.ts'
import { uploadedFile } from './uploaded-file.ts'
import { idParam } from './workflow-steps.ts'

const NoBody = z.object({}).strict()

/**
 * 异议申诉 in the console (issue 17): the district's queue, one objection with its record, its
 * contact and documents (each read audited), and 受理 / 不予受理 / 异议成立 (linking the approved
 * 更正 or 撤回) / 异议不成立 (a reply a second person approves). Out of scope is 404.
 */
export const objectionsRoute = new Hono<AppEnv>()
  .use(requireUser(), requireAction('record.read'))
  .get('/', async (c) => c.json({ objections: await listObjections(serviceCtx(c)) }))
  .get('/:id', async (c) =>
    c.json({ objection: await getObjection(serviceCtx(c), idParam(c.req.param('id'))) })
  )
  .get('/:id/contact', async (c) => {
    c.header('Cache-Control', 'no-store')
    return c.json({
      contact: await readObjectionContact(serviceCtx(c), idParam(c.req.param('id'))),
    })
  })
  .get('/:id/documents/:documentId', async (c) => {
    const doc = await readObjectionDocument(
      serviceCtx(c),
      idParam(c.req.param('id')),
      parseOrThrow(z.coerce.number().int().positive(), c.req.param('documentId'))
    )
    return uploadedFile(c, doc, `objection-document-${doc.id}`)
  })
  .post('/:id/accept', requireAction('record.draft'), async (c) => {
    await jsonBody(c, NoBody)
    return c.json(await acceptObjection(serviceCtx(c), idParam(c.req.param('id'))))
  })
  .post('/:id/refuse', requireAction('record.draft'), async (c) => {
    const { reason } = await jsonBody(c, ReasonInput)
    const done = await refuseObjection(serviceCtx(c), idParam(c.req.param('id')), reason)
    c.var.deps.onPublish?.()
    return c.json(done)
  })
  .post('/:id/uphold', requireAction('record.draft'), async (c) => {
    const { changeRequestId } = await jsonBody(
      c,
      z
        .object({
          changeRequestId: z
            .number({ error: () => '请填写已生效的更正或撤回申请编号' })
            .int()
            .positive(),
        })
        .strict()
    )
    const done = await upholdObjection(serviceCtx(c), idParam(c.req.param('id')), changeRequestId)
    c.var.deps.onPublish?.()
    return c.json(done)
  })
  .post('/:id/reply', requireAction('record.draft'), async (c) => {
    const { reply } = await jsonBody(c, z.object({ reply: text('答复', 3000) }).strict())
    return c.json(await draftObjectionReply(serviceCtx(c), idParam(c.req.param('id')), reply))
  })
  .post('/:id/approve-reply', requireAction('record.approve'), requireRecentAuth, async (c) => {
    await jsonBody(c, NoBody)
    const done = await approveObjectionReply(serviceCtx(c), idParam(c.req.param('id')))
    c.var.deps.onPublish?.()
    return c.json(done)
  })
