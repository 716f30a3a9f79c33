import { Hono } from 'hono'
import { z } from 'zod'
import type { AppEnv } from '../context.ts'
import { parseTable } from '../imports/parse-table.ts'
import { requireAction, requireUser } from '../middleware/require-user.ts'
import { serviceCtx } from '../service-context.ts'
import { importRecords } from '../services/import-records.ts'
import { jsonBody } from '../validate.ts'

const ImportInput = z
  .object({
    filename: z.string().max(200),
    contentBase64: z.string().max(7 * 1024 * 1024),
    dryRun: z.boolean(),
  })
  .strict()

/** 批量导入 from the console: the same service as `npm run import`. */
export const importsRoute = new Hono<AppEnv>().post(
  '/',
  requireUser(),
  requireAction('record.import'),
  async (c) => {
    const input = await jsonBody(c, ImportInput)
    const bytes = Uint8Array.from(atob(input.contentBase64), (ch) => ch.charCodeAt(0))
    const table = await parseTable(input.filename, bytes)
    return c.json(await importRecords(serviceCtx(c), table, { dryRun: input.dryRun }))
  }
)
