import { writeFile } from 'node:fs/promises'
import { getHeapStatistics } from 'node:v8'
import { parentPort } from 'node:worker_threads'
import { readDbConfig } from '../../db/client.ts'
import { reportCode, reportSummary } from '../../db/domain/report.ts'
import { loadPublicSnapshot } from '../../db/queries/public-snapshot.ts'
import { createReadDb } from '../../db/read-db.ts'
import { sharedPageInputs, snapshotForPlan, type RenderPlan } from '../../site/lib/record-pages.ts'
import { searchRecords, type SearchRecord } from '../../site/lib/search-records.ts'
import type { InputsJob, InputsMessage } from './build-inputs.ts'
import { digest, manifestOf, readManifest, renderPlan, rendersEverything } from './manifest.ts'
import { snapshotJson } from './snapshot-json.ts'

/*
 * Worker thread for build-inputs.ts: reads the database once, and sends the builder what it
 * needs (the search records first, as Pagefind is the longest phase beside the render; then the
 * manifest, the plan and the report codes) while the pages' inputs go to files for Astro.
 */

async function prepare(job: InputsJob, send: (message: InputsMessage) => void): Promise<void> {
  // Read before the snapshot: its reads run to the end without giving this thread's event loop a
  // turn, so a manifest read begun alongside completed only after them, and with it the search
  // records' send below.
  const previous = job.previous ? await readManifest(job.previous) : null
  // The search records go as soon as the snapshot's penalties and cases are known: Pagefind
  // starts on them while the rest of the snapshot is read.
  let searchSent = false
  const sendSearch = (records: SearchRecord[]) => {
    const hash = digest(records)
    const unchanged = job.previous !== null && previous?.search === hash
    send({
      type: 'search',
      digest: hash,
      count: records.length,
      records: unchanged ? null : records,
    })
    searchSent = true
  }
  const db = createReadDb(readDbConfig(job.env))
  const snap = await loadPublicSnapshot(db, job.asOf, {
    onSearchable: (part) => sendSearch(searchRecords(part)),
  }).finally(() => db.$close())
  if (!searchSent) sendSearch(searchRecords(snap))

  // Each credit file's JSON once: its digest, its report code and the snapshot file need it
  // (three serialisations of 100,000 files were ≈ 6 s).
  const fileJson = snap.creditFiles.map((f) => JSON.stringify(f))
  const jsonOf = new Map(snap.creditFiles.map((f, i) => [f, fileJson[i]!]))
  const writeSnapshot = async (plan: RenderPlan) => {
    await writeFile(job.snapshotFile, snapshotJson(snapshotForPlan(snap, plan), jsonOf))
    send({ type: 'snapshot' })
  }
  // A full build: the whole snapshot first, and Astro parses it while the manifest is worked
  // out. A partial one (the plan is known only from the manifest): Astro is given just the
  // records it renders (snapshotForPlan), which at 100,000 subjects is a fifth of the JSON.
  const full = rendersEverything(digest(sharedPageInputs(snap)), previous)
  if (full) await writeSnapshot({ full: true })
  const manifest = manifestOf(snap, { creditFile: fileJson })
  const plan = renderPlan(manifest, previous)
  if (!full) await writeSnapshot(plan)
  await writeFile(job.planFile, JSON.stringify(plan))

  // The verification code of every credit report this build prints (a partial build: only the
  // re-rendered ones; the others were kept by the build they come from, for the same date).
  const wanted = plan.full ? null : new Set(plan.render.creditFile)
  const printed = snap.creditFiles
    .map((file, i) => ({ file, json: fileJson[i]! }))
    .filter(({ file }) => !wanted || wanted.has(file.subject.id))
  // A few hundred at a time: each digest holds its file's bytes until it is done. All 100,000
  // at once put the builder at 2.0 GB at a full build's peak (1.6 GB this way) and took longer.
  const reports = []
  for (let i = 0; i < printed.length; i += 500)
    reports.push(
      ...(await Promise.all(
        printed.slice(i, i + 500).map(async ({ file, json }) => ({
          code: await reportCode(file, json),
          subjectId: file.subject.id,
          asOf: snap.asOf,
          summary: reportSummary(file),
        }))
      ))
    )
  const { publisher } = snap.jurisdiction
  send({
    type: 'ready',
    manifest,
    previous,
    plan,
    reports,
    contacts: [publisher.phone, publisher.email].filter((c): c is string => !!c),
    heapBytes: getHeapStatistics().total_heap_size,
  })
}

// One build at a time; build-inputs.ts keeps a worker for the next build or ends it.
parentPort!.on('message', (job: InputsJob) => {
  const send = (message: InputsMessage) => parentPort!.postMessage(message)
  prepare(job, send).catch((err: Error) =>
    send({ type: 'failed', message: String(err?.message ?? err), stack: err?.stack })
  )
})
