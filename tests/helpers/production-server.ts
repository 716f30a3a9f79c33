import { execFile, spawn, type ChildProcess } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { join, resolve } from 'node:path'
import { promisify } from 'node:util'

export const ROOT = resolve(import.meta.dirname, '../..')
const run = promisify(execFile)

/** A free TCP port on loopback (closed again before it is handed out). */
export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer()
    server.on('error', fail)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number }
      server.close(() => done(port))
    })
  })
}

/** KEY=VALUE lines of deploy/env.example (comments and commented-out keys skipped). */
export function deployEnv(): Record<string, string> {
  const lines = readFileSync(join(ROOT, 'deploy/env.example'), 'utf8').split('\n')
  return Object.fromEntries(
    lines
      .map((l) => l.trim())
      .filter((l) => l && !l.startsWith('#'))
      .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)])
  )
}

export type Started = {
  child: ChildProcess
  output: string[]
  /** Resolves with the exit code once the process has ended. */
  exited: Promise<number | null>
}

/**
 * `npm start -- --production` as the systemd unit runs it (deploy/systemd/wuye-credit.service):
 * through npm, so a SIGTERM sent to npm alone (KillMode=mixed) is what reaches the server.
 */
export function startProduction(env: NodeJS.ProcessEnv): Started {
  return track(
    spawn('npm', ['start', '--', '--production'], {
      cwd: ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
  )
}

/** Collect a child's output lines (stdout and stderr piped) and note when it exits. */
export function track(child: ChildProcess): Started {
  const output: string[] = []
  const collect = (chunk: Buffer) => output.push(...chunk.toString().split('\n').filter(Boolean))
  child.stdout!.on('data', collect)
  child.stderr!.on('data', collect)
  const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)))
  return { child, output, exited }
}

/** Wait until a line matching `pattern` was printed, or fail with what was printed. */
export async function waitForLine(s: Started, pattern: RegExp, ms = 180_000): Promise<void> {
  const deadline = Date.now() + ms
  while (!s.output.some((l) => pattern.test(l))) {
    if (s.child.exitCode !== null || Date.now() > deadline)
      throw new Error(`no line ${pattern} in:\n${s.output.slice(-30).join('\n')}`)
    await new Promise((r) => setTimeout(r, 200))
  }
}

/** A self-signed certificate for 127.0.0.1, made with openssl for this run only. */
export async function selfSignedCertificate(dir: string) {
  const cert = join(dir, 'cert.pem')
  const key = join(dir, 'key.pem')
  await run('openssl', [
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    key,
    '-out',
    cert,
    '-days',
    '2',
    '-subj',
    '/CN=127.0.0.1',
    '-addext',
    'subjectAltName=IP:127.0.0.1',
  ])
  return { cert, key }
}

/**
 * deploy/nginx/wuye-credit.conf with the lines marked "e2e:" pointed at this run's ports,
 * certificate and log files, inside a minimal main configuration of its own (pid, temp paths).
 */
export function nginxConfig(
  dir: string,
  o: { upstream: number; http: number; https: number; cert: string; key: string }
): string {
  let site = readFileSync(join(ROOT, 'deploy/nginx/wuye-credit.conf'), 'utf8')
  const replace = (marker: string, line: string) => {
    const pattern = new RegExp(`^\\s*.*# e2e: ${marker}$`, 'gm')
    if (!pattern.test(site))
      throw new Error(`deploy/nginx/wuye-credit.conf: no line "e2e: ${marker}"`)
    site = site.replace(pattern, `    ${line}`)
  }
  replace('upstream', `server 127.0.0.1:${o.upstream};`)
  replace('http', `listen 127.0.0.1:${o.http};`)
  replace('https', `listen 127.0.0.1:${o.https} ssl http2;`)
  replace('name', 'server_name 127.0.0.1;')
  replace('cert', `ssl_certificate ${o.cert};`)
  replace('key', `ssl_certificate_key ${o.key};`)
  replace('access_log', `access_log ${join(dir, 'access.log')};`)
  replace('error_log', `error_log ${join(dir, 'error.log')} warn;`)
  writeFileSync(join(dir, 'site.conf'), site)
  const main = `
user root;
worker_processes 1;
pid ${join(dir, 'nginx.pid')};
error_log ${join(dir, 'error.log')} warn;
events { worker_connections 256; }
http {
  include /etc/nginx/mime.types;
  client_body_temp_path ${join(dir, 'body')};
  proxy_temp_path ${join(dir, 'proxy')};
  fastcgi_temp_path ${join(dir, 'fastcgi')};
  uwsgi_temp_path ${join(dir, 'uwsgi')};
  scgi_temp_path ${join(dir, 'scgi')};
  include ${join(dir, 'site.conf')};
}
`
  const file = join(dir, 'nginx.conf')
  writeFileSync(file, main)
  return file
}

export type CurlAnswer = {
  status: number
  httpVersion: string
  headers: Record<string, string>
  body: Buffer
  text: string
}

/**
 * One request with curl, from a chosen loopback address (--interface), as a person's browser
 * would send it through the proxy. Headers come back lower-cased; the body as bytes and text.
 */
export async function curl(
  url: string,
  o: {
    from?: string
    method?: string
    headers?: Record<string, string>
    json?: unknown
    jar?: string
    cacert?: string
  } = {}
): Promise<CurlAnswer> {
  // No "Expect: 100-continue": its interim answer would come first in the header dump.
  const args = [
    '-sS',
    '-H',
    'Expect:',
    '-D',
    '-',
    '-o',
    '-',
    '-w',
    '\n%{http_code} %{http_version}',
  ]
  if (o.from) args.push('--interface', o.from)
  if (o.cacert) args.push('--cacert', o.cacert)
  if (o.method) args.push('-X', o.method)
  if (o.jar) args.push('-b', o.jar, '-c', o.jar)
  for (const [k, v] of Object.entries(o.headers ?? {})) args.push('-H', `${k}: ${v}`)
  if (o.json !== undefined)
    args.push('-H', 'Content-Type: application/json', '--data-binary', JSON.stringify(o.json))
  args.push(url)
  const { stdout } = await run('curl', args, { encoding: 'buffer', maxBuffer: 64 * 1024 * 1024 })
  const out = stdout as Buffer
  const split = out.indexOf('\r\n\r\n')
  const head = out.subarray(0, split).toString()
  const tail = out.lastIndexOf('\n')
  const [status, httpVersion] = out
    .subarray(tail + 1)
    .toString()
    .split(' ')
  const body = out.subarray(split + 4, tail)
  const headers: Record<string, string> = {}
  for (const line of head.split('\r\n').slice(1)) {
    const i = line.indexOf(':')
    headers[line.slice(0, i).toLowerCase()] = line.slice(i + 1).trim()
  }
  return { status: Number(status), httpVersion: httpVersion!, headers, body, text: body.toString() }
}
