import { Hono } from 'hono'
import { z } from 'zod'
import { NotFoundError } from '../../db/domain/errors.ts'
import { CHANGE_TARGETS, changeTargetLabel } from '../../db/domain/correction.ts'
import { todayInShanghai } from '../../db/domain/dates.ts'
import { inScope } from '../../db/domain/user.ts'
import { listDeadlines } from '../../db/queries/deadlines.ts'
import { getAdminChange, getCorrectable } from '../../db/queries/admin-changes.ts'
import { getAdminCreditRecord } from '../../db/queries/admin-credit-records.ts'
import { listAdminListEntries } from '../../db/queries/admin-list-entries.ts'
import { listWorkQueue } from '../../db/queries/admin-queue.ts'
import { getAdminSupervision } from '../../db/queries/admin-supervisions.ts'
import { getAdminTypicalCase } from '../../db/queries/admin-typical-cases.ts'
import { getAdminPenalty, listAdminPenalties } from '../../db/queries/admin-penalties.ts'
import { LOOKUP_KINDS, lookup } from '../../db/queries/lookup.ts'
import { mapAuthorities } from '../../db/queries/reference-data.ts'
import { findSubjectRow } from '../../db/mutations/penalties.ts'
import type { AppEnv } from '../context.ts'
import { requireAction, requireUser } from '../middleware/require-user.ts'
import { parseOrThrow } from '../validate.ts'

/** Reads for the console: records in every status, always inside the actor's district scope. */
export const adminRoute = new Hono<AppEnv>()
  .use(requireUser(), requireAction('record.read'))
  // I3: a list carries what a list shows; facts, parties and personal details only come from
  // one record's detail read (each of which is in the actor's scope and never cached).
  .get('/penalties', async (c) =>
    c.json({
      penalties: (await listAdminPenalties(c.var.deps.db, c.var.actor.district)).map((p) => ({
        id: p.id,
        decisionNo: p.decisionNo,
        subjectName: p.subjectName,
        decisionDate: p.decisionDate,
        districtCode: p.districtCode,
        status: p.status,
        version: p.version,
      })),
    })
  )
  .get('/penalties/:id', async (c) => {
    const { id } = parseOrThrow(z.object({ id: z.coerce.number().int().positive() }), c.req.param())
    const p = await getAdminPenalty(c.var.deps.db, id)
    if (!p || !inScope(c.var.actor, p.districtCode)) throw new NotFoundError('行政处罚', id)
    return c.json({ penalty: p })
  })
  // Search-as-you-type for the console's pickers: ?kind=project|subject|penalty|…&q=text.
  .get('/lookup', async (c) => {
    const { kind, q } = parseOrThrow(
      z.object({
        kind: z.enum(LOOKUP_KINDS, { message: '不支持的查找类型' }),
        q: z.string().trim().min(1, { message: '请输入要查找的名称或文号' }).max(50),
      }),
      c.req.query()
    )
    return c.json({ options: await lookup(c.var.deps.db, kind, q, c.var.actor.district) })
  })
  .get('/queue', async (c) =>
    c.json({ items: await listWorkQueue(c.var.deps.db, c.var.actor.district) })
  )
  .get('/list-entries', async (c) =>
    c.json({ entries: await listAdminListEntries(c.var.deps.db, c.var.actor.district) })
  )
  .get('/list-entries/:id', async (c) => {
    const { id } = parseOrThrow(z.object({ id: z.coerce.number().int().positive() }), c.req.param())
    const [entry] = await listAdminListEntries(c.var.deps.db, c.var.actor.district, id)
    if (!entry) throw new NotFoundError('红黑名单条目', id)
    return c.json({ entry })
  })
  .get('/typical-cases/:id', async (c) => {
    const { id } = parseOrThrow(z.object({ id: z.coerce.number().int().positive() }), c.req.param())
    const found = await getAdminTypicalCase(c.var.deps.db, id)
    if (!found || !inScope(c.var.actor, found.districtCode)) throw new NotFoundError('典型案例', id)
    return c.json({ typicalCase: found })
  })
  .get('/credit-records/:id', async (c) => {
    const { id } = parseOrThrow(z.object({ id: z.coerce.number().int().positive() }), c.req.param())
    const found = await getAdminCreditRecord(c.var.deps.db, id)
    if (!found || !inScope(c.var.actor, found.districtCode)) throw new NotFoundError('信用记录', id)
    return c.json({ record: found })
  })
  .get('/supervisions/:id', async (c) => {
    const { id } = parseOrThrow(z.object({ id: z.coerce.number().int().positive() }), c.req.param())
    const found = await getAdminSupervision(c.var.deps.db, id)
    if (!found || !inScope(c.var.actor, found.districtCode))
      throw new NotFoundError('挂牌督办事项', id)
    return c.json({ supervision: found })
  })
  .get('/subjects/:id', async (c) => {
    const s = await findSubjectRow(c.var.deps.db, c.req.param('id').trim().toUpperCase())
    if (!s || !inScope(c.var.actor, s.districtCode))
      throw new NotFoundError('主体', c.req.param('id'))
    return c.json({ subject: { id: s.id, name: s.name, kind: s.kind, district: s.districtCode } })
  })
  .get('/changes/:id', async (c) => {
    const { id } = parseOrThrow(z.object({ id: z.coerce.number().int().positive() }), c.req.param())
    const found = await getAdminChange(c.var.deps.db, id)
    if (!found || !inScope(c.var.actor, found.districtCode)) throw new NotFoundError('变更申请', id)
    return c.json({ change: found })
  })
  .get('/correctable/:target/:id', async (c) => {
    const { target, id } = parseOrThrow(
      z.object({ target: z.enum(CHANGE_TARGETS), id: z.string().trim().toUpperCase().max(40) }),
      c.req.param()
    )
    const found = await getCorrectable(c.var.deps.db, target, id)
    if (!found || !inScope(c.var.actor, found.districtCode))
      throw new NotFoundError(changeTargetLabel[target], id)
    return c.json(found)
  })
  .get('/deadlines', async (c) => {
    const today = todayInShanghai(new Date((c.var.deps.now ?? Date.now)()))
    return c.json({
      asOf: today,
      items: await listDeadlines(c.var.deps.db, c.var.actor.district, today),
    })
  })
  .get('/authorities', async (c) => {
    const all = [...(await mapAuthorities(c.var.deps.db)).values()]
    // The form starts on the actor's own bureau (the district's, or the city's for city-level
    // staff), never on whichever authority happens to be first (issue 16).
    const own = all.find((a) => a.districtCode === c.var.actor.district)
    return c.json({ authorities: all.map((a) => a.name), preferred: own?.name ?? null })
  })
