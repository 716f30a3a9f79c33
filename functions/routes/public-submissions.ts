import { Hono, type Context } from 'hono'
import { z } from 'zod'
import { ComplaintInput, RECEIPT_NO } from '../../db/domain/complaint.ts'
import { ObjectionInput, RecordRef } from '../../db/domain/objection.ts'
import { RepairApplicationInput } from '../../db/domain/repair.ts'
import type { AppEnv } from '../context.ts'
import { addressThrottle } from '../middleware/login-throttle.ts'
import { serviceCtx } from '../service-context.ts'
import { newChallenge } from '../services/altcha.ts'
import { submitComplaint, trackComplaint } from '../services/complaints.ts'
import { objectionTarget, submitObjection, trackObjection } from '../services/objections.ts'
import {
  repairTarget,
  submitRepairApplication,
  trackRepairApplication,
} from '../services/repair-applications.ts'
import { jsonBody, parseOrThrow } from '../validate.ts'

/** A multipart form's fields as the JSON contract has them, and its files as bytes. */
async function readForm(c: Context<AppEnv>, fileField = 'photos') {
  const form = await c.req.parseBody({ all: true })
  const fields: Record<string, unknown> = {}
  const files: Uint8Array[] = []
  for (const [name, value] of Object.entries(form)) {
    for (const v of Array.isArray(value) ? value : [value]) {
      if (typeof v === 'string') {
        if (name === 'consent') fields.consent = v === 'true' || v === 'on'
        else if (v !== '') fields[name] = v
      } else if (name === fileField && v.size > 0) files.push(new Uint8Array(await v.arrayBuffer()))
    }
  }
  return { fields, files }
}

/**
 * The public's channels (issue 17): an ALTCHA challenge, 投诉举报 (JSON, or multipart with
 * photos), and the 回执 lookup. Per-address limits keep one source from flooding either.
 */
export function publicSubmissionsRoute(limits: {
  postsPerMinute: number
  lookupsPerMinute: number
}) {
  return new Hono<AppEnv>()
    .get('/challenge', async (c) => {
      c.header('Cache-Control', 'no-store')
      return c.json(await newChallenge(c.var.deps.config.PASSWORD_PEPPER))
    })
    .post(
      '/complaints',
      addressThrottle(
        () => limits.postsPerMinute,
        (s) => `提交过于频繁，请${s}秒后再试`
      ),
      async (c) => {
        const multipart = (c.req.header('Content-Type') ?? '').startsWith('multipart/form-data')
        const { fields, files } = multipart
          ? await readForm(c)
          : { fields: await jsonBody(c, z.unknown()), files: [] }
        const input = parseOrThrow(ComplaintInput, fields)
        return c.json(await submitComplaint(serviceCtx(c), input, files), 201)
      }
    )
    .get('/objection-target', async (c) => {
      c.header('Cache-Control', 'no-store')
      const { record } = parseOrThrow(z.object({ record: RecordRef }), {
        record: c.req.query('record'),
      })
      return c.json({
        target: await objectionTarget(serviceCtx(c), record.type, record.id),
      })
    })
    .post(
      '/objections',
      addressThrottle(
        () => limits.postsPerMinute,
        (s) => `提交过于频繁，请${s}秒后再试`
      ),
      async (c) => {
        const multipart = (c.req.header('Content-Type') ?? '').startsWith('multipart/form-data')
        const { fields, files } = multipart
          ? await readForm(c, 'documents')
          : { fields: await jsonBody(c, z.unknown()), files: [] }
        const input = parseOrThrow(ObjectionInput, fields)
        const answer = await submitObjection(serviceCtx(c), input, files)
        c.var.deps.onPublish?.()
        return c.json(answer, 201)
      }
    )
    .get('/repair-target', async (c) => {
      c.header('Cache-Control', 'no-store')
      const { record } = parseOrThrow(z.object({ record: RepairApplicationInput.shape.record }), {
        record: c.req.query('record'),
      })
      const t = await repairTarget(serviceCtx(c), record.type, record.id)
      return c.json({ target: { label: t.label, repairableFrom: t.repairableFrom } })
    })
    .post(
      '/repair-applications',
      addressThrottle(
        () => limits.postsPerMinute,
        (s) => `提交过于频繁，请${s}秒后再试`
      ),
      async (c) => {
        // Multipart only: each material of the checklist is its own file field, material-<id>.
        const form = await c.req.parseBody({ all: true })
        const fields: Record<string, unknown> = {}
        const files: { material: string; bytes: Uint8Array }[] = []
        for (const [name, value] of Object.entries(form))
          for (const v of Array.isArray(value) ? value : [value]) {
            if (typeof v !== 'string') {
              if (name.startsWith('material-') && v.size > 0)
                files.push({
                  material: name.slice(9),
                  bytes: new Uint8Array(await v.arrayBuffer()),
                })
            } else if (name === 'consent' || name === 'commitment')
              fields[name] = v === 'true' || v === 'on'
            else if (v !== '') fields[name] = v
          }
        const input = parseOrThrow(RepairApplicationInput, fields)
        return c.json(await submitRepairApplication(serviceCtx(c), input, files), 201)
      }
    )
    .get(
      '/submissions/:receiptNo',
      addressThrottle(
        () => limits.lookupsPerMinute,
        (s) => `查询过于频繁，请${s}秒后再试`
      ),
      async (c) => {
        c.header('Cache-Control', 'no-store')
        const { receiptNo, code } = parseOrThrow(
          z.object({
            receiptNo: z.string().regex(RECEIPT_NO, {
              message: '回执编号格式不正确，如 TS20261130-048213',
            }),
            code: z.string().min(1, { message: '请填写查询码' }).max(40),
          }),
          { receiptNo: c.req.param('receiptNo'), code: c.req.query('code') ?? '' }
        )
        const track = receiptNo.startsWith('YY')
          ? trackObjection
          : receiptNo.startsWith('XF')
            ? trackRepairApplication
            : trackComplaint
        return c.json(await track(serviceCtx(c), receiptNo, code))
      }
    )
}
