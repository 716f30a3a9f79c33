/**
 * npm run account:recover -- <username> [--password-only | --totp-only]
 * Recovery on the server for an account no admin can reset in the console — above all the last
 * system administrator who lost their phone or password (issue 16, item 4). Sets a new random
 * initial password (printed once; to be changed at next sign-in) and/or unbinds the
 * authenticator, ends the account's sessions, and writes the audit row naming the operator.
 */
import { userInfo } from 'node:os'
import { parseArgs } from 'node:util'
import { DomainError } from '../db/domain/errors.ts'
import { readAppConfig } from '../functions/env.ts'
import { randomPassword } from '../functions/services/bootstrap-admin.ts'
import { resetAccount } from '../functions/services/manage-users.ts'
import { openMigratedDb } from './lib.ts'
import { loadPepper } from './secrets.ts'

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { 'password-only': { type: 'boolean' }, 'totp-only': { type: 'boolean' } },
})
const username = positionals[0]
if (!username || (values['password-only'] && values['totp-only'])) {
  console.error('用法：npm run account:recover -- <用户名> [--password-only | --totp-only]')
  process.exit(64)
}
const password = values['totp-only'] ? undefined : randomPassword()
const db = await openMigratedDb()
const config = readAppConfig({ ...process.env, PASSWORD_PEPPER: loadPepper() })
try {
  await resetAccount(
    { db, config, nowMs: Date.now(), actor: null, requestId: 'account-recover', ip: null },
    username,
    { password, totp: !values['password-only'] },
    `cli:${userInfo().username}`
  )
  console.log(`已重置账号 ${username}，其已有登录已失效，操作已记入审计日志。`)
  if (password) console.log(`新的初始密码（只显示这一次，首次登录须修改）：${password}`)
  if (!values['password-only']) console.log('下次登录后须用手机重新扫码绑定动态口令。')
} catch (err) {
  if (!(err instanceof DomainError)) throw err
  console.error(err.message)
  process.exitCode = 1
} finally {
  db.$close()
}
