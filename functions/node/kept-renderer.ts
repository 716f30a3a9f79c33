/**
 * Render again without bundling again (issue 18, ADR 020). `astro build` bundles the pages with
 * Vite (2–3 s of every publication on this machine) and then prerenders each path through a
 * "prerenderer". The code is the same from one publication to the next; only the data changes.
 * So the Astro process that ran a build keeps Astro's own prerenderer (the bundled pages, ready
 * to render) and, for the next build, renders every path again through it into the new build
 * directory, linking what the bundler wrote (scripts, styles, public files, the Worker) from
 * the build before. tests/e2e/partial-build.test.ts proves the result is the same, file for
 * file and byte for byte, as a fresh `astro build` of the same data.
 *
 * Runs inside functions/node/astro-process.ts only.
 */
import { readdirSync, type Dirent } from 'node:fs'
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { dirname, join, relative, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { AstroIntegration } from 'astro'
import { inBatches, linkOrCopy } from './file-batches.ts'
import { writeRendered } from './render-output.ts'

type RouteData = { type: string; route: string; component: string }
type PathWithRoute = { pathname: string; route: RouteData }
type RenderOptions = { routeData: RouteData }
type RenderResult = Response | { response: Response }
/** The part of Astro's default prerenderer we use (astro/dist/core/build/default-prerenderer.js). */
type Prerenderer = {
  setup?: () => Promise<void>
  getStaticPaths: () => Promise<PathWithRoute[]>
  render: (request: Request, opts: RenderOptions) => Promise<RenderResult>
  app?: {
    manifest: { routes: { routeData: RouteData & { prerender: boolean } }[] }
    getComponentByRoute: (route: RouteData) => Promise<unknown>
    routeCache: { clearAll: () => void }
    getOptions: () => { origin: string }
    getSettings: () => AstroSettings
  }
}
type AstroSettings = {
  config: {
    base: string
    trailingSlash: string
    publicDir: URL
    build: { format: string; client: URL }
  }
}
type OutHelpers = {
  getOutFolder: (settings: AstroSettings, pathname: string, route: RouteData) => URL
  getOutFile: (format: string, folder: URL, pathname: string, route: RouteData) => URL
}

/** What a finished build left that a later render needs: the files the bundler wrote. */
type Kept = {
  prerenderer: Prerenderer
  /** Client files not written by rendering (scripts, styles, public files), relative. */
  clientFiles: string[]
  /** The Worker bundle and its configuration, relative to server/. */
  serverFiles: string[]
  /** The adapter's `_headers` (the builder appends the site's own rules to a fresh copy). */
  adapterHeaders: string | null
}

let captured: { prerenderer: Prerenderer; paths: PathWithRoute[] } | null = null
let kept: Kept | null = null

/** Astro's own path → file rules, so a rendered page lands where `astro build` puts it. */
let helpers: OutHelpers | null = null
function outHelpers(): OutHelpers {
  const require = createRequire(import.meta.url)
  helpers ??= require(join(dirname(require.resolve('astro')), 'core/build/common.js')) as OutHelpers
  return helpers
}

/** The file a path renders to, relative to the client directory, with `/` between parts. */
function fileOf(p: Prerenderer, pathname: string, route: RouteData): string {
  const settings = p.app!.getSettings()
  const { getOutFolder, getOutFile } = outHelpers()
  const encoded = encodeURI(pathname)
  const folder = getOutFolder(settings, encoded, route)
  const file = getOutFile(settings.config.build.format, folder, encoded, route)
  return relative(fileURLToPath(settings.config.build.client), fileURLToPath(file))
    .split(sep)
    .join('/')
}

/**
 * The site's public files, relative and `/`-joined: listed once, not looked up for every page
 * rendered. Like the bundler's files (kept below), they are the code's, which a kept process
 * never outlives.
 */
let publicList: Set<string> | null = null
function publicFiles(p: Prerenderer): Set<string> {
  if (!publicList) {
    const dir = fileURLToPath(p.app!.getSettings().config.publicDir)
    let entries: Dirent[] = []
    try {
      entries = readdirSync(dir, { recursive: true, withFileTypes: true })
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err
    }
    publicList = new Set(
      entries
        .filter((e) => e.isFile())
        .map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join('/'))
    )
  }
  return publicList
}

/**
 * Render one path, have its file written into `clientDir` and scanned for personal information
 * beside the render (render-output.ts), and give Astro back a response without a body, which it
 * does not write (renderPath in its generate.js). Astro wrote each page with `fs.promises` on the
 * render thread, the build's long pole. `file` is where the path renders to; when Astro asks (its
 * own generate loop), it is worked back from the request's URL, the inverse of Astro's
 * getUrlForPath for this layout. Redirects, public files and empty bodies are left to Astro as
 * they were.
 */
async function renderAndWrite(
  p: Prerenderer,
  request: Request,
  options: RenderOptions,
  clientDir: string,
  file?: string
): Promise<RenderResult> {
  const result = await p.render(request, options)
  const response = result instanceof Response ? result : result.response
  if (!response.body || (response.status >= 300 && response.status < 400)) return result
  const route = options.routeData
  if (file === undefined) {
    const path = decodeURI(new URL(request.url).pathname)
    file = fileOf(
      p,
      route.type === 'endpoint' || path === '/' ? path : path.replace(/\/$/, ''),
      route
    )
  }
  // Where a public file has the same path, Astro writes that instead of the page
  // (checkPublicConflict in its generate.js): the builder reads it back, as what is published.
  if (publicFiles(p).has(file)) return result
  writeRendered(file, join(clientDir, file), new Uint8Array(await response.arrayBuffer()))
  const written = new Response(null, { status: response.status, headers: response.headers })
  return result instanceof Response ? written : { ...result, response: written }
}

/** The integration that lets the process keep Astro's prerenderer once the build used it. */
export function keepRendererIntegration(): AstroIntegration {
  return {
    name: 'property-credit:keep-renderer',
    hooks: {
      // With a prerenderer of an integration's own, Astro leaves the prerender bundle's entry
      // to it (vite-build-config.js); ours wraps Astro's default one, so name the default entry.
      'astro:build:setup': ({ vite, target }) => {
        if (target !== 'server') return
        const prerender = ((vite.environments ??= {}).prerender ??= {})
        const options = ((prerender.build ??= {}).rolldownOptions ??= {})
        options.input ??= 'astro/entrypoints/prerender'
      },
      'astro:build:start': ({ setPrerenderer }) => {
        captured = null
        setPrerenderer((defaultPrerenderer) => {
          const p = defaultPrerenderer as unknown as Prerenderer
          // This build's client directory, where every page it renders is written (setup).
          let clientDir = ''
          return {
            ...defaultPrerenderer,
            async setup() {
              await p.setup?.()
              // Every page's module now, while the bundle's directory exists (Astro deletes it
              // after the build): a later render must never import a file that is gone.
              for (const { routeData } of p.app!.manifest.routes)
                if (routeData.prerender) await p.app!.getComponentByRoute(routeData)
              captured = { prerenderer: p, paths: [] }
              clientDir = fileURLToPath(p.app!.getSettings().config.build.client)
            },
            render: (request: Request, options: RenderOptions) =>
              renderAndWrite(p, request, options, clientDir),
            async getStaticPaths() {
              const paths = await p.getStaticPaths()
              if (captured) captured.paths = paths
              return paths
            },
          } as unknown as typeof defaultPrerenderer
        })
      },
    },
  }
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true })
  return entries.filter((e) => e.isFile()).map((e) => relative(dir, join(e.parentPath, e.name)))
}

/** The files each path renders to, relative to the client directory. */
function renderedFiles(p: Prerenderer, paths: PathWithRoute[]): Map<string, string> {
  return new Map(paths.map(({ pathname, route }) => [pathname, fileOf(p, pathname, route)]))
}

/**
 * After a successful `astro build` into `outDir`: keep the prerenderer and note which files the
 * bundler wrote. Only for the layout this site uses (directory format at the root); anything else
 * and the process is not kept. Returns whether it was kept.
 */
export async function keepAfterBuild(outDir: string): Promise<boolean> {
  kept = null
  const p = captured?.prerenderer
  const config = p?.app?.getSettings().config
  if (!p || !config || config.build.format !== 'directory' || config.base !== '/') return false
  const clientDir = join(outDir, 'client')
  const rendered = new Set(renderedFiles(p, captured!.paths).values())
  // The builder writes these itself after Astro: never linked, or it would write into the
  // previous build's file (a hard link is the same file).
  const builderWrites = new Set(['_headers', '_redirects'])
  // A public file where a page would render is Astro's to write, not the page (renderAndWrite).
  const clientFiles = (await filesUnder(clientDir)).filter(
    (f) => (!rendered.has(f) || publicFiles(p).has(f)) && !builderWrites.has(f)
  )
  kept = {
    prerenderer: p,
    clientFiles,
    serverFiles: await filesUnder(join(outDir, 'server')),
    adapterHeaders: await readFile(join(clientDir, '_headers'), 'utf8').catch(() => null),
  }
  return true
}

/** Every path to prerender, asked afresh (Astro caches getStaticPaths per route). */
async function paths(p: Prerenderer): Promise<PathWithRoute[]> {
  p.app!.routeCache.clearAll()
  return p.getStaticPaths()
}

async function linkInto(from: string, to: string): Promise<void> {
  await mkdir(dirname(to), { recursive: true })
  await linkOrCopy(from, to)
}

/**
 * Render every path into `outDir` with the kept prerenderer (the pages read this build's
 * snapshot and plan: site/lib/data.ts), linking the bundler's files from `previous`, a build by
 * the same code. Throws when there is nothing kept or a file is missing: the caller then runs a
 * full `astro build`.
 */
export async function renderAgain(outDir: string, previous: string): Promise<void> {
  if (!kept) throw new Error('no kept renderer')
  const { prerenderer: p, clientFiles, serverFiles, adapterHeaders } = kept
  const clientDir = join(outDir, 'client')
  await mkdir(clientDir, { recursive: true })
  const linking = Promise.all([
    inBatches(clientFiles, 64, (f) => linkInto(join(previous, 'client', f), join(clientDir, f))),
    inBatches(serverFiles, 64, (f) =>
      linkInto(join(previous, 'server', f), join(outDir, 'server', f))
    ),
    adapterHeaders === null ? null : writeFile(join(clientDir, '_headers'), adapterHeaders),
  ])
  linking.catch(() => undefined)
  const all = await paths(p)
  const files = renderedFiles(p, all)
  const origin = p.app!.getOptions().origin
  // As astro.config.mjs's build.concurrency: pages render while others wait (a QR image).
  await inBatches(all, 4, async ({ pathname, route }) => {
    // Astro's URL for a prerendered path in this layout (getUrlForPath in its generate.js).
    const path =
      pathname === '/' || pathname === ''
        ? '/'
        : route.type === 'endpoint'
          ? pathname
          : `${pathname.replace(/\/$/, '')}/`
    const result = await renderAndWrite(
      p,
      new Request(new URL(path, origin)),
      { routeData: route },
      clientDir,
      files.get(pathname)!
    )
    const response = result instanceof Response ? result : result.response
    if (response.status >= 300 && response.status < 400)
      throw new Error(`${pathname}: a redirect, which the kept renderer does not write`)
  })
  await linking
}
