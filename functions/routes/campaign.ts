import { Hono } from 'hono'
import { z } from 'zod'
import { Month, Quarter } from '../../db/domain/campaign.ts'
import { todayInShanghai } from '../../db/domain/dates.ts'
import { ConflictError, ForbiddenError, NotFoundError } from '../../db/domain/errors.ts'
import {
  EscalateInput,
  MonthlyReturnInput,
  ObservationInput,
  QuarterlySummaryInput,
  RecordLedgerItemInput,
  RectifiedInput,
} from '../../db/domain/ledger-input.ts'
import { inScope } from '../../db/domain/user.ts'
import { insertObservationProject } from '../../db/mutations/campaign.ts'
import { findProjectRow } from '../../db/mutations/listed-supervisions.ts'
import { enqueueRebuild } from '../../db/mutations/outbox.ts'
import {
  getLedgerItem,
  listLedgerItems,
  listObservationProjects,
} from '../../db/queries/campaign.ts'
import { getJurisdiction, listDistricts } from '../../db/queries/reference-data.ts'
import { audit } from '../audit.ts'
import type { AppEnv } from '../context.ts'
import { ledgerWorkbook, returnsWorkbook } from '../exports/campaign-xlsx.ts'
import { idempotency } from '../middleware/idempotency.ts'
import { requireAction, requireRecentAuth, requireUser } from '../middleware/require-user.ts'
import { serviceCtx } from '../service-context.ts'
import {
  monthlyReturns,
  quarterlySummaries,
  submitMonthlyReturn,
  submitQuarterlySummary,
} from '../services/campaign-returns.ts'
import {
  closeOutLedgerItem,
  escalateLedgerItem,
  markRectified,
  recordLedgerItem,
  startRectification,
} from '../services/ledger.ts'
import { jsonBody, parseOrThrow } from '../validate.ts'
import { idParam } from './workflow-steps.ts'

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
const NoBody = z.object({}).strict()
const monthParam = (raw: string) => parseOrThrow(z.object({ month: Month }), { month: raw }).month
const quarterParam = (raw: string) =>
  parseOrThrow(z.object({ quarter: Quarter }), { quarter: raw }).quarter
/** Attachment names in UTF-8 (RFC 5987), with an ASCII fallback for old clients. */
const attachment = (ascii: string, name: string) =>
  `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`

/**
 * 专项整治: the ledger (台账) with close-out, monthly returns, quarterly summaries and the projects
 * chosen for on-site observation. Everything is scoped to the actor's district; writes that change
 * the public campaign page ask for a rebuild.
 */
export const campaignRoute = new Hono<AppEnv>()
  .use(requireUser(), idempotency)
  .get('/ledger', requireAction('record.read'), async (c) => {
    const ctx = serviceCtx(c)
    const today = todayInShanghai(new Date(ctx.nowMs))
    return c.json({ items: await listLedgerItems(ctx.db, ctx.actor!.district, today) })
  })
  // Names of responsible people leave the system in this file: a sensitive export (B6).
  .get('/ledger/export.xlsx', requireAction('record.read'), requireRecentAuth, async (c) => {
    const ctx = serviceCtx(c)
    const today = todayInShanghai(new Date(ctx.nowMs))
    const names = new Map((await listDistricts(ctx.db)).map((d) => [d.code, d.name]))
    const unit = (await getJurisdiction(ctx.db)).publisher.name
    const file = await ledgerWorkbook(await listLedgerItems(ctx.db, ctx.actor!.district, today), {
      unit,
      asOf: today,
      districtName: (code) => names.get(code) ?? code,
    })
    await audit(ctx.db, ctx, { action: 'ledger.export', objectType: 'ledger' })
    return c.body(file, 200, {
      'Content-Type': XLSX,
      'Content-Disposition': attachment(`ledger-${today}.xlsx`, `专项整治问题台账-${today}.xlsx`),
    })
  })
  .get('/ledger/:id', requireAction('record.read'), async (c) => {
    const ctx = serviceCtx(c)
    const id = idParam(c.req.param('id'))
    const item = await getLedgerItem(ctx.db, id, todayInShanghai(new Date(ctx.nowMs)))
    if (!item || !inScope(ctx.actor!, item.districtCode)) throw new NotFoundError('台账事项', id)
    return c.json({ item })
  })
  .post('/ledger', requireAction('record.draft'), async (c) => {
    const done = await recordLedgerItem(serviceCtx(c), await jsonBody(c, RecordLedgerItemInput))
    c.var.deps.onPublish?.()
    return c.json(done, 201)
  })
  .post('/ledger/:id/start', requireAction('record.draft'), async (c) => {
    await jsonBody(c, NoBody)
    return c.json(await startRectification(serviceCtx(c), idParam(c.req.param('id'))))
  })
  .post('/ledger/:id/rectified', requireAction('record.draft'), async (c) => {
    const { evidence } = await jsonBody(c, RectifiedInput)
    const done = await markRectified(serviceCtx(c), idParam(c.req.param('id')), evidence)
    c.var.deps.onPublish?.()
    return c.json(done)
  })
  .post('/ledger/:id/close-out', requireAction('record.approve'), async (c) => {
    await jsonBody(c, NoBody)
    const done = await closeOutLedgerItem(serviceCtx(c), idParam(c.req.param('id')))
    c.var.deps.onPublish?.()
    return c.json(done)
  })
  .post('/ledger/:id/escalate', requireAction('record.draft'), async (c) => {
    const { to, ref } = await jsonBody(c, EscalateInput)
    const done = await escalateLedgerItem(serviceCtx(c), idParam(c.req.param('id')), to, ref)
    c.var.deps.onPublish?.()
    return c.json(done)
  })
  .get('/returns/:month', requireAction('record.read'), async (c) =>
    c.json(await monthlyReturns(serviceCtx(c), monthParam(c.req.param('month'))))
  )
  .get('/returns/:month/export.xlsx', requireAction('record.read'), async (c) => {
    const ctx = serviceCtx(c)
    const month = monthParam(c.req.param('month'))
    const { dueOn, districts } = await monthlyReturns(ctx, month)
    const unit = (await getJurisdiction(ctx.db)).publisher.name
    return c.body(await returnsWorkbook(month, dueOn, districts, unit), 200, {
      'Content-Type': XLSX,
      'Content-Disposition': attachment(
        `returns-${month}.xlsx`,
        `排查整治情况统计表-${month}.xlsx`
      ),
    })
  })
  .post('/returns/:month', requireAction('record.submit'), async (c) =>
    c.json(
      await submitMonthlyReturn(
        serviceCtx(c),
        monthParam(c.req.param('month')),
        await jsonBody(c, MonthlyReturnInput)
      ),
      201
    )
  )
  .get('/summaries/:quarter', requireAction('record.read'), async (c) =>
    c.json(await quarterlySummaries(serviceCtx(c), quarterParam(c.req.param('quarter'))))
  )
  .post('/summaries/:quarter', requireAction('record.submit'), async (c) =>
    c.json(
      await submitQuarterlySummary(
        serviceCtx(c),
        quarterParam(c.req.param('quarter')),
        await jsonBody(c, QuarterlySummaryInput)
      ),
      201
    )
  )
  .get('/observations', requireAction('record.read'), async (c) =>
    c.json({ projects: await listObservationProjects(c.var.deps.db) })
  )
  // 现场观摩 projects are chosen by the city's leading group: a city-level reviewer or admin.
  .post('/observations', requireAction('record.approve'), async (c) => {
    const ctx = serviceCtx(c)
    if (ctx.actor!.district !== null) throw new ForbiddenError('观摩项目由市专项整治领导小组选定')
    const input = await jsonBody(c, ObservationInput)
    const saved = await ctx.db.transaction(async (tx) => {
      if (!(await findProjectRow(tx, input.projectId)))
        throw new NotFoundError('物业项目', input.projectId)
      if ((await listObservationProjects(tx)).some((o) => o.projectId === input.projectId))
        throw new ConflictError('该项目已列为观摩项目')
      const row = await insertObservationProject(tx, { ...input, createdBy: ctx.actor!.id })
      await enqueueRebuild(tx, 'observation', String(row.id), 'choose', ctx.nowMs)
      await audit(tx, ctx, {
        action: 'campaign.observation',
        objectType: 'project',
        objectId: input.projectId,
      })
      return row
    })
    c.var.deps.onPublish?.()
    return c.json(saved, 201)
  })
