import { NotFoundError } from '../../db/domain/errors.ts'
import { inScope } from '../../db/domain/user.ts'
import { findPenaltyRow } from '../../db/mutations/penalties.ts'
import type { DbOrTx } from '../../db/mutations/users.ts'
import type { ServiceContext } from '../context.ts'

/** The penalty if it exists inside the actor's district scope; otherwise 404, never 403 (no leak). */
export async function loadPenaltyInScope(db: DbOrTx, ctx: ServiceContext, id: number) {
  const row = await findPenaltyRow(db, id)
  if (!row || !inScope(ctx.actor!, row.districtCode)) throw new NotFoundError('行政处罚', id)
  return row
}
