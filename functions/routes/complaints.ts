import { Hono } from 'hono'
import { z } from 'zod'
import { ReasonInput } from '../../db/domain/penalty-input.ts'
import { text } from '../../db/domain/public-text.ts'
import type { AppEnv } from '../context.ts'
import { requireAction, requireRecentAuth, requireUser } from '../middleware/require-user.ts'
import { serviceCtx } from '../service-context.ts'
import {
  acceptComplaint,
  approveComplaintReply,
  closeComplaint,
  draftComplaintReply,
  getComplaint,
  listComplaints,
  readComplaintContact,
  readComplaintPhoto,
  refuseComplaint,
} from '../services/complaints.ts'
import { jsonBody, parseOrThrow } from '../validate.ts'
import { uploadedFile } from './uploaded-file.ts'
import { idParam } from './workflow-steps.ts'

const NoBody = z.object({}).strict()
const ReplyInput = z.object({ reply: text('答复', 3000) }).strict()
const CloseInput = z
  .object({ substantiated: z.boolean({ error: () => '请选择投诉是否查实' }) })
  .strict()

/**
 * 投诉举报 in the console (issue 17): the district's queue, one complaint, its contact data and
 * photos (each read audited), and the steps 受理 / 不予受理 / 答复 / 审核答复 / 办结. Out of scope is
 * 404, as for every record.
 */
export const complaintsRoute = new Hono<AppEnv>()
  .use(requireUser(), requireAction('record.read'))
  .get('/', async (c) => c.json({ complaints: await listComplaints(serviceCtx(c)) }))
  .get('/:id', async (c) =>
    c.json({ complaint: await getComplaint(serviceCtx(c), idParam(c.req.param('id'))) })
  )
  .get('/:id/contact', async (c) => {
    c.header('Cache-Control', 'no-store')
    return c.json({
      contact: await readComplaintContact(serviceCtx(c), idParam(c.req.param('id'))),
    })
  })
  .get('/:id/photos/:photoId', async (c) => {
    const photo = await readComplaintPhoto(
      serviceCtx(c),
      idParam(c.req.param('id')),
      parseOrThrow(z.coerce.number().int().positive(), c.req.param('photoId'))
    )
    return uploadedFile(c, photo, `complaint-photo-${photo.id}`)
  })
  .post('/:id/accept', requireAction('record.draft'), async (c) => {
    await jsonBody(c, NoBody)
    return c.json(await acceptComplaint(serviceCtx(c), idParam(c.req.param('id'))))
  })
  .post('/:id/refuse', requireAction('record.draft'), async (c) => {
    const { reason } = await jsonBody(c, ReasonInput)
    return c.json(await refuseComplaint(serviceCtx(c), idParam(c.req.param('id')), reason))
  })
  .post('/:id/reply', requireAction('record.draft'), async (c) => {
    const { reply } = await jsonBody(c, ReplyInput)
    return c.json(await draftComplaintReply(serviceCtx(c), idParam(c.req.param('id')), reply))
  })
  .post('/:id/approve-reply', requireAction('record.approve'), requireRecentAuth, async (c) => {
    await jsonBody(c, NoBody)
    return c.json(await approveComplaintReply(serviceCtx(c), idParam(c.req.param('id'))))
  })
  .post('/:id/close', requireAction('record.draft'), async (c) => {
    const { substantiated } = await jsonBody(c, CloseInput)
    return c.json(await closeComplaint(serviceCtx(c), idParam(c.req.param('id')), substantiated))
  })
