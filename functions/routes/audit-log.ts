import { Hono } from 'hono'
import { z } from 'zod'
import { IsoDate } from '../../db/domain/dates.ts'
import { listAudit } from '../../db/queries/audit.ts'
import type { AppEnv } from '../context.ts'
import { requireAction, requireRecentAuth, requireUser } from '../middleware/require-user.ts'
import { parseOrThrow } from '../validate.ts'

const Filter = z
  .object({
    actor: z.string().max(64).optional(),
    objectType: z.string().max(32).optional(),
    objectId: z.string().max(64).optional(),
    from: IsoDate.optional(),
    to: IsoDate.optional(),
  })
  .strict()

/** 审计日志: auditors and admins only; read and export, never edit (matrix C6). */
export const auditRoute = new Hono<AppEnv>()
  .use(requireUser(), requireAction('audit.read'))
  .get('/', async (c) =>
    c.json({ entries: await listAudit(c.var.deps.db, parseOrThrow(Filter, c.req.query())) })
  )
  // The export carries names and addresses of staff: a sensitive action (B6).
  .get('/export', requireRecentAuth, async (c) => {
    const rows = await listAudit(c.var.deps.db, parseOrThrow(Filter, c.req.query()), 1_000_000)
    const ndjson =
      rows
        .reverse()
        .map((r) => JSON.stringify(r))
        .join('\n') + '\n'
    return c.body(ndjson, 200, {
      'Content-Type': 'application/x-ndjson; charset=utf-8',
      'Content-Disposition': 'attachment; filename="audit-log.ndjson"',
    })
  })
