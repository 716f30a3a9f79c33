import { Hono } from 'hono'
import { z } from 'zod'
import { IsoDate } from '../../db/domain/dates.ts'
import { NotFoundError, ValidationError } from '../../db/domain/errors.ts'
import { changeFeedAtom } from '../../db/domain/change-feed.ts'
import { GRADES } from '../../db/domain/rating.ts'
import { recordEventLabel } from '../../db/domain/record-event.ts'
import { normaliseReportCode } from '../../db/domain/report.ts'
import { findReportCode } from '../../db/queries/report-codes.ts'
import { LIST_STATUSES } from '../../db/domain/subject.ts'
import { SUBJECT_KINDS } from '../../db/domain/subject-kind.ts'
import type { PublicSnapshot } from '../../db/queries/index.ts'
import type { AppEnv } from '../context.ts'
import type { SnapshotCache } from '../snapshot-cache.ts'
import { cachedJson } from './cached-answer.ts'
import { parseOrThrow } from '../validate.ts'

/** Pages of at most 100 items (matrix D4: bad numbers are 400, not clamped silently). */
const whole = (label: string, max: number, fallback: number) =>
  z
    // Plain decimal digits only: no spaces, signs, exponents, separators or full-width digits.
    .string()
    .regex(/^[1-9][0-9]{0,5}$/, { message: `${label}应为1–${max}的整数` })
    .transform(Number)
    .pipe(z.number().max(max, { message: `${label}应为1–${max}的整数` }))
    .default(fallback)
const Paging = z.object({
  page: whole('页码', 10_000, 1),
  limit: whole('每页条数', 100, 20),
})
const AsOf = z.object({ asOf: IsoDate.optional() })

// Every schema is built once, here: zod compiles a parser the first time a schema is used, and a
// schema built inside a handler was compiled again on every request (issue 18: 15 % of a
// credit-file read's time in the profile).
const SubjectsQuery = Paging.extend({
  district: z
    .string()
    .regex(/^\d{6}$/)
    .optional(),
  kind: z.enum(SUBJECT_KINDS).optional(),
  list: z.enum(LIST_STATUSES).optional(),
  grade: z.enum(GRADES).optional(),
}).strict()
const AsOfQuery = AsOf.strict()
const PenaltiesQuery = Paging.extend({ subject: z.string().max(40).optional() }).strict()
const PagingQuery = Paging.strict()
const NoQuery = z.object({}).strict()
const IdParam = z.object({ id: z.coerce.number().int().positive() })
const ListParam = z.object({ list: z.enum(['red', 'black']) })

/**
 * Look-ups by id, built once per cached snapshot: a credit-file read is the API's hot path and
 * must not scan every subject (issue 6: thousands of reads per second).
 */
const indexes = new WeakMap<PublicSnapshot, ReturnType<typeof indexSnapshot>>()
function indexSnapshot(snap: PublicSnapshot) {
  return {
    file: new Map(snap.creditFiles.map((f) => [f.subject.id, f])),
    penalty: new Map(snap.penaltyPages.map((p) => [p.id, p])),
    case: new Map(snap.casePages.map((p) => [p.typicalCase.id, p])),
  }
}
function indexOf(snap: PublicSnapshot) {
  let index = indexes.get(snap)
  if (!index) indexes.set(snap, (index = indexSnapshot(snap)))
  return index
}

function paged<T>(items: T[], { page, limit }: z.infer<typeof Paging>) {
  return { page, limit, total: items.length, items: items.slice((page - 1) * limit, page * limit) }
}

/**
 * 公开数据接口 — GET /api/v1/public/…: what the public site shows, as JSON, for anyone. `asOf`
 * answers what was public on an earlier date (the credit file as the site showed it then).
 * Described in /api/v1/openapi.json.
 */
export function publicRoute(cache: SnapshotCache) {
  const snapshot = (asOf?: string) => {
    const today = cache.today()
    if (asOf && asOf > today)
      throw new ValidationError([{ field: 'asOf', code: 'future', message: '日期不能晚于今天' }])
    return cache.get(asOf ?? today)
  }
  const query = <T extends z.ZodType>(schema: T, q: Record<string, string>) =>
    parseOrThrow(schema, q)
  return (
    new Hono<AppEnv>()
      .use(async (c, next) => {
        await next()
        // Public data may be cached briefly by browsers and CDNs; the console's reads stay no-store.
        if (c.res.ok) c.header('Cache-Control', 'public, max-age=60')
      })
      .get('/subjects', async (c) => {
        const q = query(SubjectsQuery, c.req.query())
        const snap = await snapshot()
        const items = snap.subjects.filter(
          (s) =>
            (!q.district || s.districtCode === q.district) &&
            (!q.kind || s.kind === q.kind) &&
            (!q.list || s.listStatus === q.list) &&
            (!q.grade || s.grade === q.grade)
        )
        return c.json({ asOf: snap.asOf, ...paged(items, q) })
      })
      .get('/subjects/:id', async (c) => {
        const { asOf } = query(AsOfQuery, c.req.query())
        const snap = await snapshot(asOf)
        const id = c.req.param('id').trim().toUpperCase()
        const file = indexOf(snap).file.get(id)
        if (!file) throw new NotFoundError('主体', id)
        return cachedJson(c, snap, `subject:${id}`, () => ({ asOf: snap.asOf, creditFile: file }))
      })
      .get('/subjects/:id/feed.xml', async (c) => {
        const snap = await snapshot()
        const id = c.req.param('id').trim().toUpperCase()
        const file = indexOf(snap).file.get(id)
        if (!file) throw new NotFoundError('主体', id)
        const origin = new URL(c.req.url).origin
        const body = changeFeedAtom({
          title: `${file.subject.name}信息变更 - ${snap.jurisdiction.siteName}`,
          selfUrl: new URL(c.req.path, origin).href,
          siteUrl: new URL(`/enterprises/${id}/`, origin).href,
          publisher: snap.jurisdiction.publisher.name,
          asOf: snap.asOf,
          lines: file.history.map((line) => ({
            on: line.on,
            eventLabel: recordEventLabel[line.event],
            title: line.about ?? file.subject.name,
            href: line.href ?? `/enterprises/${id}/`,
            reason: line.reason,
            changes: line.changes,
          })),
        })
        return c.body(body, 200, { 'Content-Type': 'application/atom+xml; charset=utf-8' })
      })
      .get('/penalties', async (c) => {
        const q = query(PenaltiesQuery, c.req.query())
        const snap = await snapshot()
        const items = q.subject
          ? snap.penalties.filter((p) => p.subjectId === q.subject!.toUpperCase())
          : snap.penalties
        return c.json({ asOf: snap.asOf, ...paged(items, q) })
      })
      .get('/penalties/:id', async (c) => {
        const { id } = query(IdParam, c.req.param())
        const snap = await snapshot()
        const page = indexOf(snap).penalty.get(id)
        if (!page) throw new NotFoundError('行政处罚', id)
        return cachedJson(c, snap, `penalty:${id}`, () => ({ asOf: snap.asOf, penalty: page }))
      })
      .get('/lists/:list', async (c) => {
        const { list } = query(ListParam, c.req.param())
        const q = query(PagingQuery, c.req.query())
        const snap = await snapshot()
        return c.json({
          asOf: snap.asOf,
          ...paged(
            snap.listEntries.filter((e) => e.list === list),
            q
          ),
        })
      })
      .get('/verify/:code', async (c) => {
        const code = normaliseReportCode(c.req.param('code'))
        if (!code)
          throw new ValidationError([
            { field: 'code', code: 'format', message: '验证码格式不正确' },
          ])
        const found = await findReportCode(c.var.deps.db, code)
        if (!found) throw new NotFoundError('验证码', code)
        return c.json({
          code,
          subjectId: found.subjectId,
          asOf: found.asOf,
          summary: found.summary,
        })
      })
      // 专项整治: phases and every district's figures, as on /campaign/ (counts only).
      .get('/campaign', async (c) => {
        query(NoQuery, c.req.query())
        const snap = await snapshot()
        return c.json({ asOf: snap.asOf, campaign: snap.campaign })
      })
      .get('/cases', async (c) => {
        const q = query(PagingQuery, c.req.query())
        const snap = await snapshot()
        return c.json({ asOf: snap.asOf, ...paged(snap.cases, q) })
      })
      .get('/cases/:id', async (c) => {
        const { id } = query(IdParam, c.req.param())
        const snap = await snapshot()
        const page = indexOf(snap).case.get(id)
        if (!page) throw new NotFoundError('典型案例', id)
        return cachedJson(c, snap, `case:${id}`, () => ({ asOf: snap.asOf, case: page }))
      })
  )
}
