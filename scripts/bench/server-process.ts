import { spawn } from 'node:child_process'
import { createInterface } from 'node:readline'
import type { SiteBuilder } from '../../functions/node/site-builder.ts'
import { ROOT } from '../lib.ts'
import { logInOverApi } from '../local-server.ts'
import type { E2eAccount } from '../ready-accounts.ts'

/**
 * Start scripts/bench/serve.ts (the Node server with its builder) as a child process and talk to
 * it over HTTP as a client would. `execArgv` lets a profiling run add --cpu-prof and the like.
 */
export async function startServerProcess(
  env: NodeJS.ProcessEnv,
  buildsDir: string,
  execArgv: string[] = []
) {
  const child = spawn(process.execPath, [...execArgv, 'scripts/bench/serve.ts', buildsDir], {
    cwd: ROOT,
    env,
    stdio: ['pipe', 'pipe', 'inherit'],
  })
  const lines = createInterface({ input: child.stdout! })
  const waiting: ((line: string) => void)[] = []
  lines.on('line', (line) => {
    // The builder logs its own reports; only our JSON answers are awaited.
    if (line.startsWith('{"base"') || line.startsWith('{"state"')) waiting.shift()?.(line)
  })
  const next = () => new Promise<string>((r) => waiting.push(r))
  const exited = new Promise<number | null>((r) => child.on('exit', r))
  const ready = JSON.parse(
    await Promise.race([
      next(),
      exited.then((code) => Promise.reject(new Error(`bench server exited with ${code}`))),
    ])
  ) as { base: string; firstBuildMs: number; accounts: E2eAccount[] }
  const account = (username: string) => ready.accounts.find((a) => a.username === username)!
  return {
    base: ready.base,
    firstBuildMs: ready.firstBuildMs,
    account,
    /** Sign in through the API as a person does (password + current TOTP); the session cookie. */
    logIn: (username: string) => logInOverApi(ready.base, account(username)),
    async builderState(): Promise<SiteBuilder['state']> {
      const answer = next()
      child.stdin!.write('state\n')
      return JSON.parse(await answer) as SiteBuilder['state']
    },
    /** Resolves once the builder's background work after a build is done. */
    async settled(): Promise<void> {
      const answer = next()
      child.stdin!.write('settled\n')
      await answer
    },
    async close() {
      child.kill('SIGTERM')
      await exited
    },
  }
}
