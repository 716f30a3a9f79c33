import { Hono } from 'hono'
import { listUsers } from '../../db/queries/users.ts'
import type { AppEnv } from '../context.ts'
import { requireAction, requireRecentAuth, requireUser } from '../middleware/require-user.ts'
import { serviceCtx } from '../service-context.ts'
import {
  createUser,
  CreateUserInput,
  disableUser,
  resetAccount,
  ResetAccountInput,
} from '../services/manage-users.ts'
import { jsonBody } from '../validate.ts'

/** 用户管理 (admin only). */
export const usersRoute = new Hono<AppEnv>()
  .use(requireUser(), requireAction('user.manage'))
  // Creating, disabling or changing an account is a sensitive action (B6).
  .use(async (c, next) => (c.req.method === 'GET' ? next() : requireRecentAuth(c, next)))
  .get('/', async (c) => {
    const rows = await listUsers(c.var.deps.db)
    return c.json({
      users: rows.map((u) => ({
        username: u.username,
        role: u.role,
        district: u.districtCode,
        disabled: u.disabled,
        totpEnrolled: u.totpSecret !== null,
      })),
    })
  })
  .post('/', async (c) =>
    c.json({ user: await createUser(serviceCtx(c), await jsonBody(c, CreateUserInput)) }, 201)
  )
  .post('/:username/reset', async (c) => {
    const input = await jsonBody(c, ResetAccountInput)
    return c.json(await resetAccount(serviceCtx(c), c.req.param('username'), input))
  })
  .post('/:username/disable', async (c) => {
    await disableUser(serviceCtx(c), c.req.param('username'))
    return c.json({ ok: true })
  })
