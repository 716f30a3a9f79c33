import { COMPLAINT_RULES } from '../../db/domain/complaint.ts'
import { addMonths, todayInShanghai } from '../../db/domain/dates.ts'
import { NotFoundError } from '../../db/domain/errors.ts'
import type { DbOrTx } from '../../db/mutations/users.ts'
import { audit } from '../audit.ts'
import { openSecret, sealSecret } from '../auth/secret-box.ts'
import type { ServiceContext } from '../context.ts'

/**
 * What the public's three channels (投诉, 异议, 信用修复申请; issue 17) share: the sealed contact,
 * the answer to a wrong receipt or code, and the erasure at the end of the retention period.
 */
export type Contact = { name: string; phone: string }

export const sealContact = (ctx: ServiceContext, contact: Contact) =>
  sealSecret(JSON.stringify(contact), ctx.config.PASSWORD_PEPPER, 'complainant-contact')

/** 查看联系方式: opened only on request, and each opening is an audit row. */
export async function openContact(
  ctx: ServiceContext,
  sealed: string | null,
  audited: { action: string; objectType: string; objectId: number }
): Promise<Contact> {
  if (!sealed) return { name: '', phone: '' }
  const contact = JSON.parse(
    await openSecret(sealed, ctx.config.PASSWORD_PEPPER, 'complainant-contact')
  ) as Contact
  await audit(ctx.db, ctx, audited)
  return contact
}

/** An unknown receipt number and a wrong 查询码 answer alike (no hint which). */
export const receiptNotFound = (receiptNo: string) =>
  new NotFoundError('回执', receiptNo, {
    field: 'code',
    code: 'not_found',
    message: '回执编号或查询码不正确，请核对后重新输入',
  })

/**
 * 到期删除: `erase` removes contact data and files of what was decided before the retention
 * period (rule data) began, in one transaction with its audit row. Cheap when nothing is due.
 */
export async function eraseAfterRetention(
  ctx: ServiceContext,
  objectType: string,
  erase: (tx: DbOrTx, cutoff: number, nowMs: number) => Promise<number[]>
) {
  const months = COMPLAINT_RULES.retention.afterClosedMonths
  const today = todayInShanghai(new Date(ctx.nowMs))
  const cutoff = Date.parse(`${addMonths(today, -months)}T00:00:00+08:00`)
  return ctx.db.transaction(async (tx) => {
    const ids = await erase(tx, cutoff, ctx.nowMs)
    if (ids.length)
      await audit(tx, ctx, {
        action: `${objectType}.erase_personal_data`,
        actorName: 'system',
        objectType,
        objectId: ids.join(','),
        detail: { count: ids.length, retentionMonths: months },
      })
    return ids
  })
}
