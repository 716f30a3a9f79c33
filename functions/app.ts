import { Hono } from 'hono'
import { NotFoundError } from '../db/domain/errors.ts'
import { outboxStateOf, pendingOutboxIds } from '../db/mutations/outbox.ts'
import type { AppDeps, AppEnv } from './context.ts'
import { auditRefusal } from './audit-refusals.ts'
import { toErrorResponse } from './errors.ts'
import { apiHeaders } from './middleware/api-headers.ts'
import { guardWrites } from './middleware/guard-writes.ts'
import { loginThrottle } from './middleware/login-throttle.ts'
import { allowMethods } from './middleware/methods.ts'
import { singleQueryValues } from './middleware/single-query-values.ts'
import { requestId } from './middleware/request-id.ts'
import { requireUser } from './middleware/require-user.ts'
import { adminRoute } from './routes/admin.ts'
import { auditRoute } from './routes/audit-log.ts'
import { campaignRoute } from './routes/campaign.ts'
import { auth } from './routes/auth.ts'
import { creditRecordsRoute } from './routes/credit-records.ts'
import { health } from './routes/health.ts'
import { importsRoute } from './routes/imports.ts'
import { listEntriesRoute } from './routes/list-entries.ts'
import { penaltiesRoute } from './routes/penalties.ts'
import { changesRoute, subjectsRoute } from './routes/subjects.ts'
import { supervisionsRoute } from './routes/supervisions.ts'
import { typicalCasesRoute } from './routes/typical-cases.ts'
import { usersRoute } from './routes/users.ts'
import { publicRoute } from './routes/public.ts'
import { publicSubmissionsRoute } from './routes/public-submissions.ts'
import { complaintsRoute } from './routes/complaints.ts'
import { objectionsRoute } from './routes/objections.ts'
import { repairApplicationsRoute } from './routes/repair-applications.ts'
import { openApiDocument } from './openapi.ts'
import { createSnapshotCache } from './snapshot-cache.ts'

const IDLE_BUILD = { state: 'idle', lastSuccessAt: null, pending: false, failure: null }

/** The Hono app shared by the Node server and the Cloudflare Worker. */
export function createApp(deps: AppDeps) {
  const snapshots = createSnapshotCache(deps.db, deps.now, deps.loadSnapshot)
  return (
    new Hono<AppEnv>()
      .use(requestId, apiHeaders, allowMethods('GET', 'HEAD', 'POST'), singleQueryValues)
      .use(async (c, next) => {
        c.set('deps', deps)
        await next()
        // Any write may change what is public: the next public read reloads the snapshot.
        if (c.req.method !== 'GET' && c.req.method !== 'HEAD') snapshots.invalidate()
      })
      .use(guardWrites)
      .use(
        '/api/v1/auth/login',
        loginThrottle(() => deps.config.LOGIN_ATTEMPTS_PER_MINUTE ?? 20)
      )
      .route(
        '/api/v1/public',
        publicSubmissionsRoute({
          postsPerMinute: deps.config.PUBLIC_POSTS_PER_MINUTE ?? 5,
          lookupsPerMinute: deps.config.PUBLIC_LOOKUPS_PER_MINUTE ?? 20,
        })
      )
      .route('/api/v1/public', publicRoute(snapshots))
      .get('/api/v1/openapi.json', (c) => {
        c.header('Cache-Control', 'public, max-age=3600')
        return c.json(openApiDocument(new URL(c.req.url).origin))
      })
      .route('/api/v1/health', health)
      .route('/api/v1/auth', auth)
      .route('/api/v1/users', usersRoute)
      .route('/api/v1/penalties', penaltiesRoute)
      .route('/api/v1/list-entries', listEntriesRoute)
      .route('/api/v1/typical-cases', typicalCasesRoute)
      .route('/api/v1/credit-records', creditRecordsRoute)
      .route('/api/v1/supervisions', supervisionsRoute)
      .route('/api/v1/subjects', subjectsRoute)
      .route('/api/v1/changes', changesRoute)
      .route('/api/v1/admin', adminRoute)
      .route('/api/v1/audit', auditRoute)
      .route('/api/v1/imports', importsRoute)
      .route('/api/v1/campaign', campaignRoute)
      .route('/api/v1/complaints', complaintsRoute)
      .route('/api/v1/objections', objectionsRoute)
      .route('/api/v1/repair-applications', repairApplicationsRoute)
      // The rebuild state, and how many publications are not on the public site yet (K4);
      // with ?object=penalty:12, whether that record's last change is online (issue 16, item 3).
      .get('/api/v1/site/build', requireUser(), async (c) => {
        const [type, id] = (c.req.query('object') ?? '').split(':')
        const object = type && id ? await outboxStateOf(deps.db, type, id) : undefined
        return c.json({
          ...((deps.siteBuild?.() as object | undefined) ?? IDLE_BUILD),
          waiting: (await pendingOutboxIds(deps.db)).length,
          ...(object === undefined ? {} : { object: object && { live: object.builtAt !== null } }),
        })
      })
      .onError(async (err, c) => {
        await auditRefusal(err, c)
        return toErrorResponse(err, c)
      })
      .notFound((c) => toErrorResponse(new NotFoundError('接口', c.req.path), c))
  )
}
export type AppType = ReturnType<typeof createApp>
