import { spawn } from 'node:child_process'
import { createRequire } from 'node:module'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import * as pagefind from 'pagefind'
import { createDb, readDbConfig } from '../../db/client.ts'
import { todayInShanghai } from '../../db/domain/dates.ts'
import { cloudflareHeadersFile } from '../../db/domain/site-headers.ts'
import { reportCode, reportSummary } from '../../db/domain/report.ts'
import { saveReportCodes } from '../../db/mutations/report-codes.ts'
import { loadPublicSnapshot } from '../../db/queries/public-snapshot.ts'
import { getJurisdiction } from '../../db/queries/reference-data.ts'
import { allowedContacts, scanOutputForPersonalInfo } from './personal-info-scan.ts'

/** Timings of one build, for logs and the benchmark. */
export type BuildReport = { outDir: string; renderMs: number; indexMs: number; pages: number }

const require = createRequire(import.meta.url)

/** Run `astro build` in a child process (Astro keeps module state per process). */
function astroBuild(root: string, env: NodeJS.ProcessEnv): Promise<void> {
  const astroBin = join(
    require.resolve('astro/package.json', { paths: [root] }),
    '../bin/astro.mjs'
  )
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [astroBin, 'build', '--silent'], {
      cwd: root,
      env,
      stdio: ['ignore', 'inherit', 'inherit'],
    })
    child.on('error', reject)
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`astro build exited with code ${code}`))
    )
  })
}

/** Fail the build if any published file carries personal information (DESIGN §6). */
async function refusePersonalInfo(client: string, env: NodeJS.ProcessEnv): Promise<void> {
  const db = createDb(readDbConfig(env))
  try {
    const { publisher } = await getJurisdiction(db)
    const findings = await scanOutputForPersonalInfo(
      client,
      allowedContacts([publisher.phone, publisher.email])
    )
    if (findings.length) {
      const shown = findings.slice(0, 20).map((f) => `${f.file}: ${f.kind} at ${f.position}`)
      throw new Error(
        `personal information in the build output (${findings.length}): ${shown.join('; ')}`
      )
    }
  } finally {
    db.$close()
  }
}

/**
 * Keep the verification code of every credit report this build printed (/verify/ checks them
 * later). The codes come from the same snapshot function and date as the pages.
 */
async function keepReportCodes(env: NodeJS.ProcessEnv): Promise<void> {
  const db = createDb(readDbConfig(env))
  try {
    const asOf = env.BUILD_DATE ?? todayInShanghai()
    const snap = await loadPublicSnapshot(db, asOf)
    const createdAt = new Date()
    const rows = await Promise.all(
      snap.creditFiles.map(async (file) => ({
        code: await reportCode(file),
        subjectId: file.subject.id,
        asOf,
        summary: reportSummary(file),
        createdAt,
      }))
    )
    await saveReportCodes(db, rows)
  } finally {
    db.$close()
  }
}

/**
 * Build the public site into `outDir` (client/ + server/) and index it with Pagefind.
 * Fails (rejects) on any error, so a caller never swaps in a half-built site.
 */
export async function buildSite(
  root: string,
  outDir: string,
  env = process.env
): Promise<BuildReport> {
  const started = performance.now()
  await astroBuild(root, { ...env, SITE_OUT_DIR: outDir, ASTRO_TELEMETRY_DISABLED: '1' })
  const rendered = performance.now()
  const client = join(outDir, 'client')
  await refusePersonalInfo(client, env)
  // Cloudflare serves static assets with the headers this file lists (the Node server sets them).
  await writeFile(join(client, '_headers'), cloudflareHeadersFile())
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'zh-cn' })
  if (!index) throw new Error(`pagefind: ${errors.join('; ')}`)
  try {
    const added = await index.addDirectory({ path: client })
    if (added.errors.length) throw new Error(`pagefind: ${added.errors.join('; ')}`)
    const written = await index.writeFiles({ outputPath: join(client, 'pagefind') })
    if (written.errors.length) throw new Error(`pagefind: ${written.errors.join('; ')}`)
    const indexed = performance.now()
    await keepReportCodes(env)
    return {
      outDir,
      renderMs: Math.round(rendered - started),
      indexMs: Math.round(indexed - rendered),
      pages: added.page_count,
    }
  } finally {
    await pagefind.close()
  }
}
