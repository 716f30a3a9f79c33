/**
 * npm run demo:remove [-- --dry-run]
 * Deletes every seeded 示例数据 row (and what staff entered about demo subjects) from DATABASE_URL
 * in one audited transaction, and asks for a rebuild: the running server picks it up within a
 * minute, or the next start does. Real records, accounts, authorities and the audit log stay.
 */
import { userInfo } from 'node:os'
import { readAppConfig } from '../functions/env.ts'
import { removeDemoData, UnmarkedDemoDataError } from '../functions/services/remove-demo-data.ts'
import { openMigratedDb } from './lib.ts'
import { loadPepper } from './secrets.ts'

const LABELS: Record<string, string> = {
  subject: '主体',
  project: '物业项目',
  project_management: '项目服务关系',
  penalty: '行政处罚',
  credit_record: '信用记录',
  list_entry: '红黑名单',
  typical_case: '典型案例',
  supervision: '挂牌督办',
  ledger_item: '整治台账',
  monthly_return: '月度报表',
  observation_project: '观摩项目',
}
const describe = (counts: Record<string, number>) =>
  Object.entries(counts)
    .filter(([, n]) => n > 0)
    .map(([type, n]) => `${LABELS[type] ?? type} ${n}`)
    .join('，') || '无'

const dryRun = process.argv.includes('--dry-run')
const db = await openMigratedDb()
const config = readAppConfig({ ...process.env, PASSWORD_PEPPER: loadPepper() })
try {
  const result = await removeDemoData(
    { db, config, nowMs: Date.now(), actor: null, requestId: 'demo-remove', ip: null },
    { dryRun, operator: `cli:${userInfo().username}` }
  )
  if (result.outcome === 'none') {
    console.log('数据库中没有示例数据，无需删除。')
  } else {
    console.log(`示例数据：${describe(result.seeded)}`)
    console.log(`工作人员针对示例主体录入的记录：${describe(result.linked)}`)
    if (result.outcome === 'dry_run') {
      console.log('（试运行，未删除任何内容。去掉 --dry-run 即执行删除。）')
    } else {
      console.log(
        '已删除以上全部示例数据，删除操作已记入审计日志。网站将在一分钟内自动重新生成' +
          '（服务未运行时，下次启动时生成），届时“示例数据”提示消失。'
      )
    }
  }
} catch (err) {
  if (!(err instanceof UnmarkedDemoDataError)) throw err
  console.error(err.message)
  process.exitCode = 1
} finally {
  db.$close()
}
