import {
  countDemoMarks,
  deleteMarkedDemoRows,
  markLinkedDemoRows,
} from '../../db/mutations/demo-records.ts'
import { enqueueRebuild } from '../../db/mutations/outbox.ts'
import { isDemoData } from '../../db/queries/reference-data.ts'
import { audit } from '../audit.ts'
import type { ServiceContext } from '../context.ts'

export type DemoRemoval =
  | { outcome: 'none' }
  | {
      outcome: 'removed' | 'dry_run'
      /** Rows the seeder wrote, per kind. */
      seeded: Record<string, number>
      /** Rows staff entered about demo subjects, projects or penalties, per kind (removed too). */
      linked: Record<string, number>
      /** Rows deleted per table (the dry run reports what would be). */
      deleted: Record<string, number>
    }

/** The database says 示例数据 but holds no marks: seeded before marks existed. */
export class UnmarkedDemoDataError extends Error {
  constructor() {
    super(
      '该数据库的示例数据是在标记功能之前生成的，无法可靠区分示例数据和真实数据，因此未删除任何内容。' +
        '请用空数据库以生产模式启动（npm start -- --production），再导入真实数据。'
    )
  }
}

/** Thrown inside the transaction to roll a dry run back with its counts. */
class DryRun extends Error {
  readonly result: DemoRemoval
  constructor(result: DemoRemoval) {
    super('dry run')
    this.result = result
  }
}

/**
 * `npm run demo:remove`: delete every seeded 示例数据 row and what staff entered about it, in one
 * transaction with its audit row and a rebuild request, so the next build has no demo record and
 * no 示例数据 banner. Real records, accounts, authorities and the audit log are untouched.
 * `dryRun` computes the same counts and rolls back.
 */
export async function removeDemoData(
  ctx: ServiceContext,
  opts: { dryRun: boolean; operator: string }
): Promise<DemoRemoval> {
  if (!(await isDemoData(ctx.db))) return { outcome: 'none' }
  try {
    return await ctx.db.transaction(async (tx) => {
      const seeded = await countDemoMarks(tx)
      if (!Object.keys(seeded).length) throw new UnmarkedDemoDataError()
      const linked = await markLinkedDemoRows(tx)
      const deleted = await deleteMarkedDemoRows(tx)
      if (opts.dryRun) throw new DryRun({ outcome: 'dry_run', seeded, linked, deleted })
      await enqueueRebuild(tx, 'site', 'demo', 'demo.remove', ctx.nowMs)
      await audit(tx, ctx, {
        action: 'demo.remove',
        actorName: opts.operator,
        objectType: 'site',
        objectId: 'demo',
        detail: { deleted, linked },
      })
      return { outcome: 'removed' as const, seeded, linked, deleted }
    })
  } catch (err) {
    if (err instanceof DryRun) return err.result
    throw err
  }
}
